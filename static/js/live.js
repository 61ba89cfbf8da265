/* Spiritual G-Code live client: the dashboard socket (with back-off reconnects), run progress,
   the signal that fetches a fresh reading (with the vendored htmx), and copy buttons. */
(function () {
  "use strict";

  var statusEl = document.getElementById("live-status");
  var MAX_BACKOFF_MS = 30000;

  function setStatus(state, text) {
    if (!statusEl) return;
    statusEl.dataset.state = state;
    statusEl.textContent = text;
  }

  function socketUrl(path) {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
  }

  /* A socket that reconnects with exponential back-off (1 s, 2 s, 4 s … 30 s, with jitter). */
  function liveSocket(path, onMessage, options) {
    options = options || {};
    var attempt = 0, socket = null, closedByUs = false, timer = null;

    function connect() {
      socket = new WebSocket(socketUrl(path));
      socket.onopen = function () {
        attempt = 0;
        if (options.onOpen) options.onOpen();
      };
      socket.onmessage = function (event) {
        if (options.onOpen) options.onOpen(); // a message is proof the socket is up, whatever the label said
        var data;
        try { data = JSON.parse(event.data); } catch (e) { return; }
        onMessage(data, handle);
      };
      socket.onclose = function (event) {
        if (closedByUs) return;
        if (event.code === 4401 || event.code === 4403 || event.code === 4404) {
          if (options.onRefused) options.onRefused(event.code);
          return;
        }
        var delay = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, attempt)) * (0.8 + Math.random() * 0.4);
        attempt += 1;
        if (options.onDown) options.onDown(Math.round(delay / 1000));
        timer = setTimeout(connect, delay);
      };
    }
    var handle = {
      close: function () { closedByUs = true; clearTimeout(timer); if (socket) socket.close(); },
      /* The network is back: an open socket is live again; a closed one retries now, not after its back-off. */
      resume: function () {
        if (closedByUs || !socket) return;
        if (socket.readyState === WebSocket.OPEN) { if (options.onOpen) options.onOpen(); return; }
        if (socket.readyState === WebSocket.CLOSED) { clearTimeout(timer); attempt = 0; connect(); }
      },
      send: function (obj) { if (socket && socket.readyState === 1) socket.send(JSON.stringify(obj)); }
    };
    connect();
    return handle;
  }

  /* ---- run progress ---- */
  /* The server reports real steps as they happen, without pausing for a watcher, so several may arrive
     at once. The bar travels to each value it is given through the values between (MS_PER_PERCENT each),
     and "Done." waits until the bar has arrived: a person sees every step the run went through. */
  var MS_PER_PERCENT = 5;
  var travel = { shown: 0, from: 0, target: 0, start: 0, frame: 0, arrived: null };

  function paint(bar, value) {
    travel.shown = value;
    bar.value = value;
    bar.textContent = value + "%";
  }

  function arrive() {
    var then = travel.arrived;
    travel.arrived = null;
    if (then) then();
  }

  function step(bar, now) {
    var distance = travel.target - travel.from;
    var t = Math.min(1, (now - travel.start) / (MS_PER_PERCENT * distance));
    var value = Math.round(travel.from + distance * t);
    if (value !== travel.shown) paint(bar, value);
    if (t < 1) { travel.frame = requestAnimationFrame(function (next) { step(bar, next); }); return; }
    travel.frame = 0;
    arrive();
  }

  /* Move the bar to `percent`, then call `then`; backwards (a new run) or in a hidden tab it jumps. */
  function moveBar(bar, percent, then) {
    travel.arrived = then || null;
    if (percent === travel.target && travel.frame) return;
    if (travel.frame) cancelAnimationFrame(travel.frame);
    travel.frame = 0;
    travel.target = percent;
    if (percent <= travel.shown || document.hidden || typeof requestAnimationFrame !== "function") {
      paint(bar, percent);
      arrive();
      return;
    }
    travel.from = travel.shown;
    travel.start = performance.now();
    travel.frame = requestAnimationFrame(function (now) { step(bar, now); });
  }

  function showProgress(data) {
    var box = document.querySelector("[data-run-progress]");
    if (!box) return;
    box.hidden = false;
    var bar = box.querySelector("progress");
    var message = box.querySelector("[data-run-message]");
    var state = data.state || "running";
    box.dataset.state = state;
    if (state === "failed") {
      moveBar(bar, travel.shown);
      message.textContent = "Failed: " + (data.message || "see the jobs page");
      return;
    }
    var text = state === "done" ? "Done." : data.message;
    if (typeof data.percent !== "number") { if (text) message.textContent = text; return; }
    // The run's socket and the dashboard's both report it: a late snapshot does not move the bar back.
    var percent = Math.max(data.percent, travel.target);
    if (state === "done") moveBar(bar, percent, function () { message.textContent = text; });
    else { moveBar(bar, percent); if (text) message.textContent = text; }
  }

  /* A new run starts from an empty bar. */
  function resetBar() {
    var bar = document.querySelector("[data-run-progress] progress");
    if (travel.frame) cancelAnimationFrame(travel.frame);
    travel.frame = 0;
    travel.target = 0;
    travel.arrived = null;
    if (bar) paint(bar, 0);
  }

  function watchRun(runId) {
    var box = document.querySelector("[data-run-progress]");
    if (box) box.dataset.run = runId;
    resetBar();
    showProgress({ percent: 0, state: "running", message: "Starting…" });
    liveSocket("/ws/progress/" + runId + "/", function (data, socket) {
      if (data.type !== "job.progress") return;
      showProgress(data);
      if (data.state === "done") refreshPending();
      if (data.state === "done" || data.state === "failed" || data.state === "interrupted") socket.close();
    });
  }

  /* ---- dashboard updates: the server renders, htmx fetches ---- */
  /* A "gcode.new" event is only a signal: the reading of that date is fetched again from the server
     (the same template a page load uses), so the page is never rebuilt in JavaScript. */
  function refreshReading(data) {
    if (typeof htmx === "undefined") return;
    document.querySelectorAll("[data-live-date]").forEach(function (el) {
      if (el.dataset.liveDate === data.date) htmx.trigger(el, "gcode-new");
    });
  }

  /* A run finished while a reading still waits for it: fetch it now (its "gcode.new" may have come before
     the dashboard socket was up). */
  function refreshPending() {
    if (typeof htmx === "undefined") return;
    document.querySelectorAll("[data-live-date]").forEach(function (el) {
      if (el.querySelector("[data-reading-pending]")) htmx.trigger(el, "gcode-new");
    });
  }

  /* ---- the recalculate button: POST, then watch the run ---- */
  function startRun(form) {
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
    }).then(function (result) {
      if (result.ok) watchRun(result.body.run);
      else if (result.status === 429) showProgress({ state: "waiting", message: result.body.error });  // not a failure
      else showProgress({ state: "failed", message: result.body.error || "could not start" });
    }).catch(function () {
      showProgress({ state: "failed", message: "you seem to be offline" });
    }).finally(function () { button.disabled = false; });
  }

  var form = document.querySelector("[data-recalculate]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      startRun(form);
    });
  }

  /* ---- copy buttons (delegated: a reading swapped in by a live update has new ones) ---- */
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var source = document.querySelector(button.dataset.copy);
    var status = button.nextElementSibling && button.nextElementSibling.hasAttribute("data-copy-status")
      ? button.nextElementSibling : null;
    var text = source ? source.textContent : "";
    function done(ok) { if (status) status.textContent = ok ? "Copied." : "Select the text and copy it by hand."; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    } else {
      var range = document.createRange(); range.selectNodeContents(source);
      var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done(ok);
    }
  });

  /* A refused socket (the session ended: logout elsewhere, a new password, a deleted account) does not
     retry: the page says so and offers the log-in page, which brings the person back here. */
  function showSignedOut() {
    if (!statusEl) return;
    setStatus("signed-out", "signed out · ");
    var link = document.createElement("a");
    link.href = "/accounts/login/?next=" + encodeURIComponent(location.pathname + location.search);
    link.textContent = "log in";
    statusEl.appendChild(link);
  }

  /* ---- the dashboard socket ---- */
  if (document.body.dataset.live !== undefined) {
    var dashboardSocket = liveSocket("/ws/dashboard/", function (data) {
      if (data.type === "gcode.new") refreshReading(data);
      else if (data.type === "job.progress") {
        var box = document.querySelector("[data-run-progress]");
        if (box && String(box.dataset.run) === String(data.run)) showProgress(data);
      }
    }, {
      onOpen: function () { setStatus("live", "● live"); },
      onDown: function (seconds) { setStatus("offline", "offline · retrying in " + seconds + " s"); },
      onRefused: function () { showSignedOut(); }
    });
    window.addEventListener("offline", function () { setStatus("offline", "offline"); });
    window.addEventListener("online", function () { dashboardSocket.resume(); });
  }

  /* A day with no stored reading yet: watch the run writing it, or start one (a GET never does). */
  var pending = document.querySelector("[data-run-progress][data-run]");
  if (pending && pending.dataset.run) watchRun(pending.dataset.run);
  else if (form && document.querySelector("[data-start-run]")) startRun(form);

  window.gcodeLive = { watchRun: watchRun };
})();
