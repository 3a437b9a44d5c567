// Bluezone volunteers' service worker: keeps the door-to-door page and its assets so the list opens without a
// connection. Visits themselves wait in the page's local storage (visits-offline.js) until they are sent.
var CACHE = 'bz-visits-v1';
var ASSETS = ['/css/console.css', '/js/visits-offline.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(ASSETS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') {
    return; // visits are posted by the page, which keeps them until the server has them
  }
  var url = new URL(req.url);
  var page = url.pathname === '/console/campaign/visits';
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
      return hit || caches.match('/console/campaign/visits', {ignoreSearch: true});
    });
  }));
});
