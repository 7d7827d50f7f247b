// Adds shift rows to the gig form without a page reload.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("add-shift");
  const rows = document.getElementById("shift-rows");
  if (!button || !rows) return;
  button.addEventListener("click", () => {
    const last = rows.lastElementChild;
    const index = rows.children.length;
    const copy = last.cloneNode(true);
    copy.querySelectorAll("input, label").forEach((el) => {
      for (const attr of ["id", "name", "for"]) {
        const value = el.getAttribute(attr);
        if (value) el.setAttribute(attr, value.replace(/shifts-\d+-/, `shifts-${index}-`));
      }
      if (el.tagName === "INPUT") el.value = "";
    });
    rows.appendChild(copy);
  });
});
