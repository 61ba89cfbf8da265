/* The history chart: scores over time on the level bands, day notes as markers (Chart.js, vendored). */
(function () {
  "use strict";
  var canvas = document.getElementById("history-chart");
  var source = document.getElementById("history-series");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var series = JSON.parse(source.textContent);
  var scoreByDate = {};
  series.labels.forEach(function (d, i) { scoreByDate[d] = series.scores[i]; });
  var labels = series.labels.slice();
  series.notes.forEach(function (n) { if (labels.indexOf(n.date) < 0) labels.push(n.date); });
  labels.sort();
  /* The site's palette, read from its CSS custom properties (static/css/site.css :root). */
  var style = getComputedStyle(document.documentElement);
  function palette(name) { return style.getPropertyValue(name).trim(); }
  var bands = [[1, 25, "--accent-2", 0.08], [25, 50, "--accent", 0.08], [50, 75, "--warn", 0.08], [75, 100, "--bad", 0.10]];

  var levelBands = {
    id: "levelBands",
    beforeDatasetsDraw: function (chart) {
      var y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      bands.forEach(function (band) {
        ctx.fillStyle = palette(band[2]);
        ctx.globalAlpha = band[3];
        ctx.fillRect(area.left, y.getPixelForValue(band[1]), area.right - area.left,
                     y.getPixelForValue(band[0]) - y.getPixelForValue(band[1]));
      });
      ctx.restore();
    }
  };

  /* A note on a day without a score is a dashed line across the chart at its date, not a point
     at a made-up score. */
  var unscored = series.notes.filter(function (n) { return !(n.date in scoreByDate); });
  var noteLines = {
    id: "noteLines",
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = palette("--warn"); ctx.setLineDash([4, 4]);
      unscored.forEach(function (n) {
        var px = x.getPixelForValue(labels.indexOf(n.date));
        ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
      });
      ctx.restore();
    }
  };

  new Chart(canvas, {
    type: "line",
    data: {
      labels: labels,
      datasets: [
        { label: "G-Code", data: labels.map(function (d) { return d in scoreByDate ? scoreByDate[d] : null; }),
          borderColor: palette("--accent"), backgroundColor: palette("--accent"), spanGaps: true, tension: 0.25, pointRadius: 2 },
        { label: "Day notes", type: "scatter", pointStyle: "triangle", pointRadius: 7, borderColor: palette("--warn"),
          backgroundColor: palette("--warn"),
          data: series.notes.filter(function (n) { return n.date in scoreByDate; })
            .map(function (n) { return { x: n.date, y: scoreByDate[n.date], note: n.text }; }) }
      ]
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      onClick: function (event, elements, chart) {
        if (!elements.length) return;
        var hit = elements[0], raw = chart.data.datasets[hit.datasetIndex].data[hit.index];
        var date = raw && raw.x ? raw.x : labels[hit.index];
        if (date) window.location.href = series.day_url.replace("0000-00-00", date);
      },
      scales: {
        x: { type: "category", ticks: { color: palette("--dim"), maxTicksLimit: 12 }, grid: { color: palette("--line") } },
        y: { min: 1, max: 100, ticks: { color: palette("--dim") }, grid: { color: palette("--line") } }
      },
      plugins: {
        legend: { labels: { color: palette("--text") } },
        tooltip: { callbacks: { afterLabel: function (item) { return item.raw && item.raw.note ? item.raw.note : ""; } } }
      }
    },
    plugins: [levelBands, noteLines]
  });
  canvas.dataset.ready = "true";
})();
