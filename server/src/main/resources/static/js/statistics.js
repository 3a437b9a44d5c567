// Console statistics page: draws the trend and ranking charts from JSON embedded in the page (the page's
// Content-Security-Policy allows scripts from this server only, so data travels as <script type="application/json">)
// and makes tables with class "sortable" sortable by clicking a column header.
(function () {
  'use strict';

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // Percentages as the page's language writes them: "2,1%" in Vietnamese, "2.1%" in English.
  function percent(v) {
    return (v * 100).toLocaleString(document.documentElement.lang || 'vi',
      { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
  }

  function drawTrend() {
    var d = data('trend-data');
    var canvas = document.getElementById('trend-chart');
    if (!d || !canvas || typeof Chart === 'undefined') { return; }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.days,
        datasets: [
          { label: d.labels.installs, data: d.installs, borderColor: '#0b5cab', backgroundColor: '#0b5cab', tension: 0.2, pointRadius: 0, pointStyle: 'line', pointBorderWidth: 3 },
          { label: d.labels.active7d, data: d.active7d, borderColor: '#2e9d5b', backgroundColor: '#2e9d5b', tension: 0.2, pointRadius: 0, pointStyle: 'line', pointBorderWidth: 3 },
          { label: d.labels.active1d, data: d.active1d, borderColor: '#e09b1a', backgroundColor: '#e09b1a', tension: 0.2, pointRadius: 0, pointStyle: 'line', pointBorderWidth: 3 },
          // The rate against population on its own axis, with the floor it should stay above.
          { label: d.labels.rate, data: (d.rate || []).map(function (r) { return r === null ? null : r * 100; }), yAxisID: 'rate',
            borderColor: '#6a1b9a', backgroundColor: '#6a1b9a', tension: 0.2, pointRadius: 0, pointStyle: 'line', pointBorderWidth: 3 },
          { label: d.labels.floor, data: (d.rate || []).map(function () { return d.floor * 100; }), yAxisID: 'rate',
            borderColor: '#c62828', backgroundColor: '#c62828', borderDash: [6, 4], pointRadius: 0, pointStyle: 'line', pointBorderWidth: 3 }
        ]
      },
      options: { locale: document.documentElement.lang || 'vi', responsive: true, maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false },
        // Legend keys as short lines (the floor's dashed), not filled boxes: a dashed box read as a red smudge.
        plugins: { legend: { labels: { usePointStyle: true, pointStyleWidth: 28 } }, tooltip: { callbacks: { label: function (c) {
          return c.dataset.yAxisID === 'rate' ? c.dataset.label + ': ' + (c.raw === null ? '—' : percent(c.raw / 100))
            : c.dataset.label + ': ' + Number(c.raw).toLocaleString(document.documentElement.lang || 'vi'); } } } },
        scales: { y: { beginAtZero: true },
          rate: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
            ticks: { callback: function (v) { return percent(v / 100); } } } } }
    });
  }

  function drawRanking() {
    var d = data('ranking-data');
    var canvas = document.getElementById('ranking-chart');
    if (!d || !canvas || typeof Chart === 'undefined' || d.names.length === 0) { return; }
    var colours = d.rates.map(function (r, i) {
      return d.underFloor[i] ? '#c62828' : (d.underTarget[i] ? '#f0a500' : '#2e7d32');
    });
    canvas.parentElement.style.height = Math.max(220, d.names.length * 22 + 60) + 'px';
    new Chart(canvas, {
      type: 'bar',
      data: { labels: d.names, datasets: [{ label: d.labels.rate, data: d.rates.map(function (r) { return r === null ? 0 : r * 100; }), backgroundColor: colours }] },
      options: { locale: document.documentElement.lang || 'vi', indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return d.rates[c.dataIndex] === null ? '—' : percent(d.rates[c.dataIndex]); } } } },
        scales: { x: { beginAtZero: true, ticks: { callback: function (v) { return percent(v / 100); } } } } }
    });
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      th.addEventListener('click', function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.querySelectorAll('tr:not(.pinned)'));
        var pinned = Array.prototype.slice.call(body.querySelectorAll('tr.pinned'));
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var collator = new Intl.Collator(document.documentElement.lang || 'vi', { numeric: true });
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var xv = x.getAttribute('data-value'), yv = y.getAttribute('data-value');
          var c;
          if (xv !== null && yv !== null) {
            var xn = xv === '' ? -Infinity : parseFloat(xv), yn = yv === '' ? -Infinity : parseFloat(yv);
            c = xn === yn ? 0 : (xn < yn ? -1 : 1);
          } else {
            c = collator.compare(x.textContent.trim(), y.textContent.trim());
          }
          return ascending ? c : -c;
        });
        rows.concat(pinned).forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawTrend();
    drawRanking();
    document.querySelectorAll('table.sortable').forEach(makeSortable);
  });
})();
