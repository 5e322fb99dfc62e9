import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';

/** A server of its own per test, so the test can take the network away for real by stopping it. */
const servers: ChildProcess[] = [];

async function startServer(port: number): Promise<{ origin: string; stop(): Promise<void> }> {
  const origin = `http://127.0.0.1:${port}/`;
  const server = spawn(process.execPath, ['scripts/serve-static.mjs', 'dist', String(port), '/'], { stdio: 'ignore' });
  servers.push(server);
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(origin)).ok) {
        return {
          origin,
          async stop() {
            server.kill();
            await expect.poll(() => fetch(origin).then(() => 'up', () => 'down')).toBe('down');
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the offline test server did not start');
}
test.afterAll(() => servers.forEach((server) => server.kill()));

/** The start URL of the app the page links (public/manifest.webmanifest), as the browser resolves it. */
async function startUrl(page: Page): Promise<string> {
  const href = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
  const manifest = (await (await page.request.get(href)).json()) as { start_url: string };
  return new URL(manifest.start_url, href).href;
}

test('once the lab has been used, it works without a network from the installed app’s start URL, and says so', async ({ page }) => {
  const { origin, stop } = await startServer(4331);
  // Arrived at by a link with parameters; the app opens the lab's plain address.
  await page.goto(`${origin}lab/?model=sketch-protonet`);
  const start = await startUrl(page);
  expect(start).toBe(`${origin}lab/`);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByRole('status').first()).toContainText('also works offline', { timeout: 20_000 });

  await stop();
  await page.goto(start);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  for (const verdict of await page.locator('.prediction .verdict').allTextContents()) expect(verdict).toMatch(/^Prediction: Letter /);
});

test('added to the home screen before its first use, the lab still opens offline from its start URL', async ({ page }) => {
  const { origin, stop } = await startServer(4332);
  await page.goto(`${origin}lab/`);
  const start = await startUrl(page);
  // The page and everything it loaded are kept once it has loaded (src/lib/lab/page/offline.ts), without starting the lab.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          // What the page runs on; the favicon and the manifest are the browser's, fetched when it wants them.
          const own = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)].filter((url) => new URL(url).origin === location.origin && !/(favicon\.svg|\.webmanifest)$/.test(url));
          const stored = await Promise.all(own.map((url) => caches.match(url)));
          return own.filter((_, i) => !stored[i]);
        }),
      { timeout: 20_000 },
    )
    .toEqual([]);

  await stop();
  await page.goto(start);
  await expect(page.getByRole('heading', { level: 1, name: 'Few-shot lab' })).toBeVisible();
  // Its script runs: the start button answers (the model itself needs a network the first time).
  const status = page.getByRole('status').first();
  await expect(status).toContainText('The lab is not started');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(status).not.toContainText('The lab is not started', { timeout: 20_000 });
});
