// FasciaMap service worker. Written into the release build by scripts/build/post-build.mjs, which
// replaces the two placeholders with the build's version and its precache list; never edit
// dist/sw.js by hand. Everything it caches comes from the app's own origin.
//
// - install: precache every file of this build under a cache named after the version;
// - the new worker then WAITS: the app shows "a new version is ready" and sends SKIP_WAITING
//   only when the person chooses, so nothing reloads under someone mid-session;
// - activate: delete the caches of older versions, take control of open pages;
// - fetch: the app's files come from the cache; a navigation (any page of the app, with or
//   without a share-link fragment) is answered with the cached index.html.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `fasciamap-${VERSION}`;
const SCOPE = self.registration.scope;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('fasciamap-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(INDEX).then((hit) => hit || fetch(request)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
