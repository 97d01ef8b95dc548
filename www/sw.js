// The page's service worker: keeps a copy of the page and the analyser (the app shell and
// pkg/) so that a return visit works offline.
//
// Network first, cache as the fallback: online, every file comes from the server (which
// answers 304 when nothing changed), so a rebuilt module is never hidden behind a stale copy;
// offline, the copy is served, with the headers it was stored with (the CSP among them).
// Only the files below are handled; any other request (the widget's host pages, the timing
// page's peer library) goes to the network untouched, as without this worker.

/** Bump when the list changes: the old cache is deleted when this version activates. */
const VERSION = 'precis-shell-v1';

/** The page and everything a first analysis loads, relative to this file. */
const SHELL = [
  './',
  'index.html',
  'style.css',
  'favicon.svg',
  'app.js',
  'view.js',
  'summary-text.js',
  'analyser.js',
  'worker.js',
  'pkg/precis.js',
  'pkg/precis_bg.wasm',
];

const SHELL_URLS = new Set(SHELL.map((p) => new URL(p, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(VERSION);
      // cache: 'no-cache' revalidates with the server, so the copy is the current build.
      await cache.addAll(SHELL.map((p) => new Request(p, { cache: 'no-cache' })));
      // No tab runs an older copy of the code we serve (we are network first), so take over
      // at the next load rather than after every tab has closed.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('precis-shell-') && name !== VERSION) await caches.delete(name);
      }
    })(),
  );
});

/** The shell URL a request stands for (the query is ignored), or null when it is not ours. */
function shellUrl(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return SHELL_URLS.has(url.href) ? url.href : null;
}

async function networkFirst(request, key, event) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      // Store a fresh copy unless it is the one we have (same ETag): the .wasm is the bulk.
      const stored = await cache.match(key);
      const etag = response.headers.get('ETag');
      if (!stored || !etag || stored.headers.get('ETag') !== etag) {
        event.waitUntil(cache.put(key, response.clone()));
      }
    }
    return response;
  } catch (error) {
    const stored = await cache.match(key);
    if (stored) return stored;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const key = shellUrl(event.request);
  if (key) event.respondWith(networkFirst(event.request, key, event));
});
