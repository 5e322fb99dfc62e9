/**
 * Offline use: the lab registers the site's service worker (public/sw.js),
 * which keeps what the lab has downloaded in this browser. Until the worker
 * controls the page, downloads would bypass it, so starting the lab waits for
 * it briefly.
 */
export interface Offline {
  /** Resolves once the service worker controls the page, or after a short wait without one. */
  ready(): Promise<void>;
  /** A sentence for the status line. */
  describe(): string;
}

/** Asks the service worker to keep this page and what it loaded before the worker was in control. */
function keepThisPage() {
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  navigator.serviceWorker.controller?.postMessage({ keep: [location.href.split('#')[0], ...loaded] });
}

export function setUpOffline(base: string): Offline {
  const supported = 'serviceWorker' in navigator && import.meta.env.PROD;
  const controlled = supported
    ? navigator.serviceWorker
        .register(`${base}sw.js`, { scope: base })
        .then(() => navigator.serviceWorker.ready)
        .then(() => (navigator.serviceWorker.controller ? undefined : new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }))))
        .then(keepThisPage)
        .catch(() => undefined)
    : Promise.resolve();
  return {
    ready: () => Promise.race([controlled, new Promise<void>((resolve) => setTimeout(resolve, 3000))]),
    describe() {
      if (!supported || !navigator.serviceWorker.controller) return '';
      return navigator.onLine
        ? ' It is kept in this browser, so the lab also works offline.'
        : ' You are offline: the lab runs from the copy kept in this browser.';
    },
  };
}
