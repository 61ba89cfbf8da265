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
  var bands = [[1, 25, "rgba(124,199,255,0.08)"], [25, 50, "rgba(77,255,136,0.08)"],
               [50, 75, "rgba(255,204,102,0.08)"], [75, 100, "rgba(255,107,107,0.10)"]];

  var levelBands = {
    id: "levelBands",
    beforeDatasetsDraw: function (chart) {
      var y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
      bands.forEach(function (band) {
        ctx.fillStyle = band[2];
        ctx.fillRect(area.left, y.getPixelForValue(band[1]), area.right - area.left,
                     y.getPixelForValue(band[0]) - y.getPixelForValue(band[1]));
      });
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
      ctx.strokeStyle = "#ffcc66"; ctx.setLineDash([4, 4]);
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
          borderColor: "#4dff88", backgroundColor: "#4dff88", spanGaps: true, tension: 0.25, pointRadius: 2 },
        { label: "Day notes", type: "scatter", pointStyle: "triangle", pointRadius: 7, borderColor: "#ffcc66",
          backgroundColor: "#ffcc66",
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
        x: { type: "category", ticks: { color: "#8aa391", maxTicksLimit: 12 }, grid: { color: "#1f2e23" } },
        y: { min: 1, max: 100, ticks: { color: "#8aa391" }, grid: { color: "#1f2e23" } }
      },
      plugins: {
        legend: { labels: { color: "#d7e4d9" } },
        tooltip: { callbacks: { afterLabel: function (item) { return item.raw && item.raw.note ? item.raw.note : ""; } } }
      }
    },
    plugins: [levelBands, noteLines]
  });
  canvas.dataset.ready = "true";
})();
