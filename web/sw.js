// The portal's service worker: the app shell (page, portal.js, portal.wasm, font) cache-first, so the
// portal opens offline after one visit; the API (/v1/, /healthz) always from the network, never cached.
// The cache name carries a hash of the shell stamped at build time (src/platform/web/site.cmake): a new
// build gets a new cache, and activation deletes the old ones.
const CACHE = 'onb-shell-@ONB_SHELL_VERSION@';
const SHELL = ['./', 'index.html', 'portal.js', 'portal.wasm', '@ONB_FONT@', 'manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('onb-shell-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function isApi(url) {
  return url.pathname.startsWith('/v1/') || url.pathname === '/v1' || url.pathname === '/healthz';
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Not ours to answer: other origins, writes, and the API (network only: stale data must never pass as fresh).
  if (url.origin !== self.location.origin || event.request.method !== 'GET' || isApi(url)) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request).then((response) => {
      if (response.ok) cache.put(event.request, response.clone());
      return response;
    }))));
});
