// The site's service worker, registered by the lab. The lab hands it the
// addresses of everything it loaded (page, scripts, runtime, kernels, model,
// example sets), which it keeps in this browser, so that from the next visit on
// the lab works without a network. It does not take over the page that
// registered it (no clients.claim): that first use stays as fast as without it.
// Nothing is sent anywhere; only this site's own files are stored.
const CACHE = 'metric-atlas-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)))));
});

self.addEventListener('message', (event) => {
  const urls = [...new Set(event.data?.keep ?? [])].filter((url) => new URL(url).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const stored = await Promise.all(urls.map((url) => cache.match(url).then((hit) => hit ?? cache.add(url)).then(() => true, () => false)));
      event.ports[0]?.postMessage(stored.every(Boolean) ? 'kept' : 'incomplete');
    }),
  );
});

async function keep(request, response) {
  if (response.ok && response.type === 'basic') await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.includes('/_astro/')) {
    // File names carry a content hash: a stored copy is always right.
    event.respondWith(caches.match(request).then((stored) => stored ?? fetch(request).then((response) => keep(request, response))));
    return;
  }
  if (url.pathname.includes('/models/') || url.pathname.endsWith('/presets.json') || url.pathname.includes('/lab/example-embeddings/')) {
    // Large and rarely changed: the stored copy at once, refreshed in the background for the next visit (a stale set of
    // shipped embeddings is safe: the worker uses none whose fingerprints differ).
    const refreshed = fetch(request).then((response) => keep(request, response));
    event.waitUntil(refreshed.catch(() => undefined));
    event.respondWith(caches.match(request).then((stored) => stored ?? refreshed));
    return;
  }
  // Pages and everything else: the network when there is one, this browser's copy otherwise.
  event.respondWith(
    fetch(request)
      .then((response) => keep(request, response))
      .catch(async () => (await caches.match(request, { ignoreSearch: request.mode === 'navigate' })) ?? Response.error()),
  );
});
