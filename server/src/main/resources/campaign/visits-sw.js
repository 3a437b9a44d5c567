// Bluezone volunteers' service worker: keeps the door-to-door page and its assets so the list opens without a
// connection. Visits themselves wait in the page's local storage (visits-offline.js) until they are sent.
var CACHE = 'bz-visits-v2';
var PAGE = '/console/campaign/visits';
var ASSETS = ['/css/console.css', '/js/visits-offline.js'];

// The page is cached at install too: the load that registers this worker is not yet controlled by it, and a
// volunteer who loaded the list once must be able to reopen it in a village without a connection.
self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(ASSETS.concat([PAGE])); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') {
    return; // visits are posted by the page, which keeps them until the server has them
  }
  var url = new URL(req.url);
  var page = url.pathname === PAGE;
  if (!page && ASSETS.indexOf(url.pathname) < 0) {
    return;
  }
  // Network first (fresh list), the last copy when offline.
  event.respondWith(fetch(req).then(function (res) {
    if (res.ok && res.type === 'basic') {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(req, {ignoreSearch: page}).then(function (hit) {
      return hit || caches.match(PAGE, {ignoreSearch: true});
    });
  }));
});
