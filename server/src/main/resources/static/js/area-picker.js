// Cascading area selects (accounts.AreaPicker, console/fragments :: areaPicker): choosing a unit fills the level
// below from /console/areas/children (only units the official may act on) and empties the levels under it.
// Without this script the form's "next" button posts the form back and the server fills the next level.
(function () {
  function clear(select, enable) {
    while (select.options.length > 1) { select.remove(1); }
    select.value = '';
    select.disabled = !enable;
  }
  function chosenText(picker) {
    var names = [];
    picker.querySelectorAll('.area-fixed .area-name').forEach(function (el) { names.unshift(el.textContent); });
    picker.querySelectorAll('select[data-depth]').forEach(function (s) {
      if (s.value) { names.unshift(s.options[s.selectedIndex].text); }
    });
    return names.length ? names.join(', ') : picker.getAttribute('data-none');
  }
  document.querySelectorAll('.area-picker').forEach(function (picker) {
    var selects = Array.prototype.slice.call(picker.querySelectorAll('select[data-depth]'));
    var next = picker.querySelector('.area-next');
    var shown = picker.querySelector('.area-chosen strong');
    var url = picker.getAttribute('data-children');
    if (next) { next.hidden = true; }
    selects.forEach(function (select, i) {
      select.addEventListener('change', function () {
        var below = selects[i + 1];
        for (var j = i + 1; j < selects.length; j++) { clear(selects[j], false); }
        shown.textContent = chosenText(picker);
        if (!below || !select.value) { return; }
        picker.setAttribute('aria-busy', 'true');
        fetch(url + '?parent=' + encodeURIComponent(select.value),
            { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (units) {
            clear(below, units.length > 0);
            units.forEach(function (u) { below.add(new Option(u.name, u.code)); });
          })
          .catch(function () { if (next) { next.hidden = false; } })
          .then(function () { picker.removeAttribute('aria-busy'); });
      });
    });
  });
})();
