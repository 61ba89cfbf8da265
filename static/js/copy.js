// Copy buttons: <button class="copy" data-copy="input-id"> copies that input's value.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy[data-copy]");
    if (!button) return;
    var input = document.getElementById(button.dataset.copy);
    if (!input) return;
    var done = function () {
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
    } else {
      // Plain http on a LAN: the Clipboard API is not offered, so select the text for Ctrl+C.
      input.focus();
      input.select();
      button.textContent = "Press Ctrl+C";
    }
  });
})();
