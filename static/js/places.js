// Place suggestions for the birth form: fills a <datalist> and, on a chosen suggestion,
// the coordinates and timezone. Works without it: the server looks the name up too.
(function () {
  "use strict";
  // The daily G-Code runs at 04:00 where the person lives: take the browser's timezone at sign-up.
  const scheduleZone = document.querySelector("input[type=hidden][name=schedule_timezone]");
  if (scheduleZone && !scheduleZone.value) {
    try { scheduleZone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* left to the server */ }
  }
  const input = document.querySelector("[data-place-search]");
  if (!input) return;
  const list = document.createElement("datalist");
  list.id = "place-suggestions";
  input.after(list);
  const status = document.createElement("small");
  status.className = "help";
  status.setAttribute("role", "status");
  list.after(status);
  const fields = {
    latitude: document.getElementById("id_birth_latitude"),
    longitude: document.getElementById("id_birth_longitude"),
    timezone: document.getElementById("id_birth_timezone"),
  };
  let results = [];
  let filledByPick = false;
  let timer = null;
  function fill(place) {
    fields.latitude.value = place ? place.latitude : "";
    fields.longitude.value = place ? place.longitude : "";
    fields.timezone.value = place ? place.timezone : "";
    filledByPick = Boolean(place);
  }
  input.addEventListener("input", function () {
    const chosen = results.find((r) => r.label === input.value);
    if (chosen) { fill(chosen); return; }
    if (filledByPick) fill(null); // the name changed after a pick: its coordinates no longer apply
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) return;
    timer = setTimeout(async function () {
      try {
        const response = await fetch(input.dataset.placeSearch + "?q=" + encodeURIComponent(query));
        const body = await response.json();
        results = response.ok ? body.results : [];
        status.textContent = response.ok ? "" : (body.error || "No suggestions now") + " The name is looked up when you submit.";
        list.replaceChildren(...results.map((r) => new Option(r.label, r.label)));
      } catch (err) {
        results = [];
        status.textContent = "No suggestions (offline?). The name is looked up when you submit.";
      }
    }, 200);
  });
})();
