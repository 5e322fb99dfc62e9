/**
 * Offline use: the lab registers the site's service worker (public/sw.js) and
 * hands it the addresses of everything the lab has loaded (the page, its
 * scripts, and the worker's runtime, kernels and model), which it keeps in
 * this browser. Starting the lab never waits for it. The page and what it
 * loaded are kept at once, after the page has loaded (and what it loads later,
 * as it arrives): a lab added to the home
 * screen (public/manifest.webmanifest) opens offline from its start URL even
 * before its first use; its model is kept once the lab has run it.
 */
export interface Offline {
  /** Asks the service worker to keep these same-origin addresses; resolves true once they are stored. */
  keep(urls: string[]): Promise<boolean>;
  /** For the status line: whether the lab's files are kept, and whether there is a network now. */
  state(): { kept: boolean; online: boolean };
}

export function setUpOffline(base: string): Offline {
  const supported = 'serviceWorker' in navigator && import.meta.env.PROD;
  const registration = supported ? navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).then(() => navigator.serviceWorker.ready) : undefined;
  registration?.catch(() => undefined);
  let kept = false;
  const pageResources = () => [location.href.split('#')[0]!, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
  async function store(urls: string[]): Promise<boolean> {
    if (!registration) return false;
    try {
      const active = (await registration).active;
      if (!active) return false;
      const reply = new MessageChannel();
      const stored = new Promise<boolean>((resolve) => (reply.port1.onmessage = (event) => resolve(event.data === 'kept')));
      active.postMessage({ keep: [...pageResources(), ...urls] }, [reply.port2]);
      return await stored;
    } catch {
      return false;
    }
  }
  if (registration) {
    const keepPage = () => void store([]);
    if (document.readyState === 'complete') keepPage();
    else addEventListener('load', keepPage, { once: true });
    // What the page loads later (the lab's worker script: it starts at once to peek at the saved lab) is kept as it arrives, in batches.
    let batch: ReturnType<typeof setTimeout> | undefined;
    new PerformanceObserver(() => (batch ??= setTimeout(() => ((batch = undefined), keepPage()), 300))).observe({ type: 'resource' });
  }
  return {
    async keep(urls) {
      kept = await store(urls);
      return kept;
    },
    state: () => ({ kept, online: navigator.onLine }),
  };
}
