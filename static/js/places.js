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
  const fields = {
    latitude: document.getElementById("id_birth_latitude"),
    longitude: document.getElementById("id_birth_longitude"),
    timezone: document.getElementById("id_birth_timezone"),
  };
  let results = [];
  let timer = null;
  input.addEventListener("input", function () {
    const chosen = results.find((r) => r.label === input.value);
    if (chosen) {
      fields.latitude.value = chosen.latitude;
      fields.longitude.value = chosen.longitude;
      fields.timezone.value = chosen.timezone;
      return;
    }
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) return;
    timer = setTimeout(async function () {
      try {
        const response = await fetch(input.dataset.placeSearch + "?q=" + encodeURIComponent(query));
        if (!response.ok) return;
        results = (await response.json()).results;
        list.replaceChildren(...results.map((r) => new Option(r.label, r.label)));
      } catch (err) {
        results = [];
      }
    }, 200);
  });
})();
