/* Spiritual G-Code live client: the dashboard socket (with back-off reconnects), run progress,
   in-place updates of the dashboard, and copy buttons. No dependencies. */
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
      send: function (obj) { if (socket && socket.readyState === 1) socket.send(JSON.stringify(obj)); }
    };
    connect();
    return handle;
  }

  /* ---- run progress ---- */
  function showProgress(data) {
    var box = document.querySelector("[data-run-progress]");
    if (!box) return;
    box.hidden = false;
    var bar = box.querySelector("progress");
    var message = box.querySelector("[data-run-message]");
    if (typeof data.percent === "number") { bar.value = data.percent; bar.textContent = data.percent + "%"; }
    box.dataset.state = data.state || "running";
    if (data.state === "failed") message.textContent = "Failed: " + (data.message || "see the jobs page");
    else if (data.state === "done") message.textContent = "Done.";
    else if (data.message) message.textContent = data.message;
  }

  function watchRun(runId) {
    var box = document.querySelector("[data-run-progress]");
    if (box) box.dataset.run = runId;
    showProgress({ percent: 0, state: "running", message: "Starting…" });
    liveSocket("/ws/progress/" + runId + "/", function (data, socket) {
      if (data.type !== "job.progress") return;
      showProgress(data);
      if (data.state === "done" || data.state === "failed" || data.state === "interrupted") socket.close();
    });
  }

  /* ---- dashboard updates in place ---- */
  function setText(field, value) {
    document.querySelectorAll('[data-field="' + field + '"]').forEach(function (el) { el.textContent = value; });
  }

  function updateDashboard(data) {
    var dash = document.querySelector("[data-dashboard]");
    if (!dash || dash.dataset.date !== data.date) return;
    setText("score", data.score);
    setText("level", data.level);
    setText("program", data.program);
    setText("affirmation", data.affirmation);
    setText("engine", data.engine === "gemini" ? "Gemini" : "Local engine");
    setText("updated", new Date().toTimeString().slice(0, 8));
    var themes = document.querySelector('[data-field="themes"]');
    if (themes) themes.innerHTML = "";
    (data.themes || []).forEach(function (t) {
      var span = document.createElement("span"); span.className = "tag"; span.textContent = t;
      themes.appendChild(span); themes.appendChild(document.createTextNode(" "));
    });
    var interp = document.querySelector('[data-field="interpretation"]');
    if (interp) {
      interp.innerHTML = "";
      String(data.interpretation || "").split(/\n\n+/).forEach(function (para) {
        var p = document.createElement("p"); p.textContent = para; interp.appendChild(p);
      });
    }
    var guidance = document.querySelector('[data-field="guidance"]');
    if (guidance) {
      guidance.innerHTML = "";
      (data.guidance || []).forEach(function (g) { var li = document.createElement("li"); li.textContent = g; guidance.appendChild(li); });
    }
    var rows = document.querySelector('[data-field="transits"]');
    if (rows) {
      rows.innerHTML = "";
      (data.transits || []).forEach(function (t) {
        var tr = document.createElement("tr");
        [t.transit, t.kind, t.natal, t.exact_at || "—",
         Number(t.orb).toFixed(2) + "° " + (t.applying ? "applying" : "separating")].forEach(function (v, i) {
          var td = document.createElement("td"); td.textContent = v; if (i === 1) td.className = t.nature; tr.appendChild(td);
        });
        rows.appendChild(tr);
      });
    }
    var arc = document.querySelector("[data-gauge-arc]");
    if (arc) {
      var f = (data.score - 1) / 99, angle = Math.PI * (1 - f);
      var x = (100 + 80 * Math.cos(angle)).toFixed(2), y = (100 - 80 * Math.sin(angle)).toFixed(2);
      arc.setAttribute("d", "M 20 100 A 80 80 0 0 1 " + x + " " + y);
    }
    dash.dataset.updated = String(Date.now());
  }

  /* ---- the recalculate button: POST, then watch the run ---- */
  var form = document.querySelector("[data-recalculate]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, {
        method: "POST", credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (result.ok) watchRun(result.body.run);
        else showProgress({ state: "failed", message: result.body.error || "could not start" });
      }).catch(function () {
        showProgress({ state: "failed", message: "you seem to be offline" });
      }).finally(function () { button.disabled = false; });
    });
  }

  /* ---- copy buttons ---- */
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
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
    liveSocket("/ws/dashboard/", function (data) {
      if (data.type === "gcode.new") updateDashboard(data);
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
  }

  var pending = document.querySelector("[data-run-progress][data-run]");
  if (pending && pending.dataset.run) watchRun(pending.dataset.run);

  window.gcodeLive = { watchRun: watchRun, updateDashboard: updateDashboard };
})();
