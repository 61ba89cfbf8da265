// Timezones: the dashboard's banner when the browser lives in another zone than the person's day,
// and a filter for the long list of zones in the settings.
(function () {
  "use strict";

  function offsetIn(zone, date) {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
        .formatToParts(date).find(function (p) { return p.type === "timeZoneName"; }).value;
    } catch (e) {
      return null; // a zone this browser does not know
    }
  }

  // Two names for the same clock (Asia/Calcutta and Asia/Kolkata) are not worth a banner.
  function sameClock(a, b) {
    var year = new Date().getFullYear();
    return [new Date(), new Date(year, 0, 15), new Date(year, 6, 15)].every(function (d) {
      var x = offsetIn(a, d);
      return x !== null && x === offsetIn(b, d);
    });
  }

  var banner = document.querySelector("[data-zone-banner]");
  var browserZone = "";
  try { browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { browserZone = ""; }
  if (banner && browserZone && browserZone !== banner.dataset.zone && !sameClock(browserZone, banner.dataset.zone)) {
    banner.querySelectorAll("[data-browser-zone]").forEach(function (el) { el.textContent = browserZone; });
    banner.querySelector("[data-browser-zone-input]").value = browserZone;
    banner.hidden = false;
  }

  function folded(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/_/g, " ").toLowerCase();
  }

  var chooser = document.querySelector("select[data-zone-chooser]");
  if (chooser) {
    var filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "Type to filter, e.g. Sao Paulo";
    filter.setAttribute("aria-label", "Filter the timezones");
    filter.setAttribute("aria-controls", chooser.id);
    chooser.before(filter);
    filter.addEventListener("input", function () {
      var words = folded(filter.value).split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(chooser.options, function (option) {
        var text = folded(option.text);
        option.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
        if (!option.hidden && first === null) first = option;
      });
      if (first && chooser.selectedOptions[0] && chooser.selectedOptions[0].hidden) chooser.value = first.value;
    });
  }
})();
