// Countdown to each code's expiry (the page prints the moment in Vietnam time; this shows what is left).
(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('.countdown[data-expires]').forEach(function (el) {
      var left = Math.max(0, Math.floor((Number(el.getAttribute('data-expires')) - now) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      el.textContent = (h > 0 ? h + ':' + pad(m) : m) + ':' + pad(s);
      if (left === 0) { el.classList.add('error'); }
    });
  }
  tick();
  setInterval(tick, 1000);
})();
