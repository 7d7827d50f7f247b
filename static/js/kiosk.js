// Kiosk screens (issue 5): go back to the start screen when nobody has touched the screen for a
// while, with a warning first that any touch dismisses; and the slip's Print button.
// A timer reset by every touch replaces a fixed <meta refresh>, which would wipe a screen in use.
(() => {
  "use strict";
  const body = document.body;
  const idleMs = Number(body.dataset.idleAfter || 0) * 1000;
  const idleUrl = body.dataset.idleUrl;
  const warning = document.querySelector("[data-idle-warning]");

  if (idleMs > 0 && idleUrl) {
    const warnMs = Math.min(30000, idleMs / 2);
    let warnTimer = 0;
    let leaveTimer = 0;
    const arm = () => {
      clearTimeout(warnTimer);
      clearTimeout(leaveTimer);
      if (warning) warning.hidden = true;
      warnTimer = setTimeout(() => {
        if (warning) warning.hidden = false;
      }, idleMs - warnMs);
      leaveTimer = setTimeout(() => window.location.assign(idleUrl), idleMs);
    };
    for (const type of ["pointerdown", "keydown", "input", "wheel", "scroll"]) {
      document.addEventListener(type, arm, { capture: true, passive: true });
    }
    arm();
  }

  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
})();
