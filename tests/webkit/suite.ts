/**
 * What every WebKit test file sets up: the built site served with its _headers
 * (cross-origin isolated, as on the real host) and WebKit on a virtual display,
 * before its tests and stopped after them.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite } from '../helpers/serve.ts';
import { startWebKit, type WebKit, type WebKitPage } from './webkit.ts';

export function webkitSuite() {
  let webkit: WebKit;
  let site: Awaited<ReturnType<typeof serveSite>>;
  before(async () => {
    // Both started side by side; whichever started is kept for after() to stop, even if the other failed.
    const [served, started] = await Promise.allSettled([serveSite(process.env.SITE_DIR || 'dist', { headers: true }), startWebKit()]);
    if (served.status === 'fulfilled') site = served.value;
    if (started.status === 'fulfilled') webkit = started.value;
    for (const result of [served, started]) if (result.status === 'rejected') throw result.reason;
  });
  after(async () => {
    await webkit?.close();
    await site?.close();
  });
  return {
    url: (path: string) => new URL(path, site.url).href,
    version: () => webkit.version(),
    /** Opens a page of the site in a fresh MiniBrowser (empty storage: no lab kept), runs the test on it, and checks it threw nothing uncaught. */
    async onPage(path: string, run: (page: WebKitPage) => Promise<void>, viewport?: { width: number; height: number }) {
      const page = await webkit.open(new URL(path, site.url).href, viewport);
      try {
        await run(page);
        assert.deepEqual(await page.errors(), [], `uncaught errors on ${path}`);
      } finally {
        await page.close();
      }
    },
  };
}
