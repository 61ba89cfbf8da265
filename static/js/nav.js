// On a phone the main navigation folds behind one "Menu" button (Escape closes it again).
// Without this script the links simply wrap, all visible.
(function () {
  "use strict";
  var header = document.querySelector(".topbar");
  var button = header && header.querySelector(".menu-toggle");
  if (!button) return;
  header.classList.add("js-nav");

  function setOpen(open) {
    header.classList.toggle("nav-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  button.addEventListener("click", function () { setOpen(button.getAttribute("aria-expanded") !== "true"); });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("nav-open")) { setOpen(false); button.focus(); }
  });
})();
