// Door to door without a connection: a quick visit is put in this phone's local storage first, then sent; what
// could not be sent stays there (with a "waiting to send" count) and goes out when the connection returns. Each
// visit carries a random reference, and the server stores a reference once, so a visit resent after a lost answer
// never counts twice. Also: search and "not visited only" filter, and the youth-union branch remembered.
(function () {
  var KEY = 'bz-visit-queue', FAILED = 'bz-visit-failed', BRANCH = 'bz-branch';
  function load(k) { try { return JSON.parse(localStorage.getItem(k) || '[]'); } catch (e) { return []; } }
  function store(k, v) { localStorage.setItem(k, JSON.stringify(v)); render(); }
  function fold(s) {
    return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
      .toLowerCase();
  }
  function ref() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function render() {
    var q = load(KEY), failed = load(FAILED);
    var count = document.getElementById('pending-count'), box = document.getElementById('pending');
    if (count) { count.textContent = String(q.length); }
    if (box) { box.hidden = q.length === 0; }
    var list = document.getElementById('pending-failed');
    if (list) {
      list.innerHTML = '';
      failed.forEach(function (f) { var li = document.createElement('li'); li.textContent = f.label + ': ' + f.message; list.appendChild(li); });
    }
    q.forEach(function (item) { markRow(item.household, true); });
  }
  function markRow(id, queued) {
    var row = document.querySelector('#households tr[data-id="' + id + '"]');
    if (!row) { return; }
    var tag = row.querySelector('.queued'), quick = row.querySelector('details.quick');
    if (tag) { tag.hidden = !queued; }
    if (quick && queued) { quick.open = false; quick.hidden = true; }
    row.classList.remove('todo'); row.classList.add('done');
  }
  function csrf() {
    var t = document.querySelector('meta[name=_csrf]'), h = document.querySelector('meta[name=_csrf_header]');
    return t && h ? [h.content, t.content] : null;
  }
  var sending = false;
  function send() {
    if (sending) { return; }
    var q = load(KEY);
    if (!q.length) { return; }
    sending = true;
    var item = q[0], headers = {'Content-Type': 'application/json', 'Accept': 'application/json'}, c = csrf();
    if (c) { headers[c[0]] = c[1]; }
    fetch(item.url, {method: 'POST', headers: headers, body: JSON.stringify(item.body), credentials: 'same-origin',
      redirect: 'manual'}).then(function (res) {
      var json = (res.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (res.ok && json) {
        return res.json().then(function (answer) {
          if (answer.status !== 'recorded') { throw new Error('not recorded'); }
          done(item);
        });
      }
      if (json && res.status >= 400 && res.status < 500) {
        // Refused for good (counts that do not add up): keep it visible instead of retrying forever.
        return res.json().then(function (answer) {
          done(item);
          var failed = load(FAILED); failed.push({label: item.label, message: answer.message}); store(FAILED, failed);
        });
      }
      throw new Error('not sent: ' + res.status); // logged out, server away: try again later
    }).then(function () { sending = false; send(); }, function () { sending = false; });
  }
  function done(item) {
    store(KEY, load(KEY).filter(function (x) { return x.body.clientRef !== item.body.clientRef; }));
  }
  function number(form, name) { var v = form.elements[name].value; return v === '' ? null : parseInt(v, 10); }
  document.querySelectorAll('form.quick-visit').forEach(function (form) {
    var branch = form.querySelector('.remember-branch');
    if (branch && !branch.value) { branch.value = localStorage.getItem(BRANCH) || ''; }
    var away = form.querySelector('.nobody-home');
    if (away) {
      away.addEventListener('click', function () { queueVisit(form, branch, true); });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      queueVisit(form, branch, false);
    });
  });
  function queueVisit(form, branch, nobodyHome) {
      var row = form.closest('tr');
      if (branch && branch.value) {
        localStorage.setItem(BRANCH, branch.value);
        document.querySelectorAll('.remember-branch').forEach(function (b) { if (!b.value) { b.value = branch.value; } });
      }
      var q = load(KEY);
      q.push({household: row.getAttribute('data-id'), url: form.getAttribute('data-url'),
        label: row.cells[0].textContent.trim(),
        body: {clientRef: ref(), visitedOn: new Date().toLocaleDateString('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}),
          smartphonesPresent: number(form, 'smartphonesPresent'), alreadyInstalled: number(form, 'alreadyInstalled'),
          installedNow: number(form, 'installedNow'), refused: number(form, 'refused'),
          refusalReason: form.elements.refusalReason.value || null, branch: branch ? branch.value || null : null,
          nobodyHome: nobodyHome}});
      store(KEY, q);
      send();
  }
  var search = document.getElementById('search'), onlyTodo = document.getElementById('only-todo');
  function filter() {
    var words = fold(search ? search.value : '').trim();
    document.querySelectorAll('#households tbody tr').forEach(function (row) {
      var match = !words || fold(row.textContent).indexOf(words) >= 0;
      var todo = !onlyTodo || !onlyTodo.checked || row.classList.contains('todo') || !row.querySelector('.queued').hidden;
      row.hidden = !(match && todo);
    });
  }
  if (search) { search.addEventListener('input', filter); }
  if (onlyTodo) { onlyTodo.addEventListener('change', filter); }
  window.addEventListener('online', send);
  setInterval(send, 5000);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/console/campaign/sw.js', {scope: '/console/campaign/'}).catch(function () {});
  }
  render();
  filter();
  send();
})();
