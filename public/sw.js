// The site's service worker, registered by the lab: once the lab has been used,
// its page, scripts, runtime, kernels, models and example sets are kept in this
// browser, so the lab works without a network. Nothing is sent anywhere; only
// this site's own files are stored.
const CACHE = 'metric-atlas-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function keep(request, response) {
  if (response.ok && response.type === 'basic') await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

// What the page loaded before this worker controlled it (its own address, scripts,
// styles), sent by the page: stored too, so the page itself opens offline.
self.addEventListener('message', (event) => {
  const urls = (event.data?.keep ?? []).filter((url) => new URL(url).origin === self.location.origin);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => undefined)))));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.includes('/_astro/')) {
    // File names carry a content hash: a stored copy is always right.
    event.respondWith(caches.match(request).then((stored) => stored ?? fetch(request).then((response) => keep(request, response))));
    return;
  }
  // Pages, models and data: the network when there is one, this browser's copy otherwise.
  event.respondWith(
    fetch(request)
      .then((response) => keep(request, response))
      .catch(async () => (await caches.match(request, { ignoreSearch: request.mode === 'navigate' })) ?? Response.error()),
  );
});
