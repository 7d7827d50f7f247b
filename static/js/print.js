// A print button without inline script (the site's CSP allows none): a button with data-print
// is shown once this runs and opens the print dialog.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
