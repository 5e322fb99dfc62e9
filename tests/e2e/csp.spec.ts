import { relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SITE_ISOLATED } from '../../playwright.config';
import { htmlFiles } from '../../scripts/site-files';

/** Every page of the built site (served with the headers of its _headers file). */
const PAGES = [...htmlFiles('dist')]
  .filter((file) => file.endsWith('index.html'))
  .map((file) => relative('dist', file).replace(/index\.html$/, ''))
  .sort();
const GROUPS = 4;

/** Records CSP violations and requests to any other origin while the page is used. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      list.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const origin = new URL(SITE_ISOLATED).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(`request off the origin: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return async () => [...problems, ...((await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])) as string[])];
}

test('the site is served with its Content-Security-Policy, WASM allowed only where WASM runs', async ({ request }) => {
  const policy = async (path: string) => (await request.get(`${SITE_ISOLATED}${path}`)).headers()['content-security-policy'] ?? '';
  expect(await policy('papers/circle-loss/')).toContain("default-src 'self'");
  expect(await policy('papers/circle-loss/')).not.toContain('wasm-unsafe-eval');
  expect(await policy('lab/')).toContain("'wasm-unsafe-eval'");
  expect(await policy('topics/hyperbolic/')).toContain("'wasm-unsafe-eval'");
  expect(await policy('embed/lab/')).toContain('frame-ancestors *');
  expect(await policy('')).toContain("frame-ancestors 'self'");
});

for (let group = 0; group < GROUPS; group++) {
  test(`pages, part ${group + 1} of ${GROUPS}: no CSP violation and no request off the origin, live figures included`, async ({ page }) => {
    test.setTimeout(120_000);
    const problemsSoFar = await watch(page);
    for (const path of PAGES.filter((_, i) => i % GROUPS === group)) {
      await page.goto(`${SITE_ISOLATED}${path}${path === 'search/' ? '?q=loss' : ''}`);
      for (const figure of await page.locator('[data-live-figure]').all()) {
        await figure.scrollIntoViewIfNeeded();
        await expect(figure).toHaveAttribute('data-state', 'live');
      }
      if (path === 'search/') await page.locator('[data-search-results] > li').first().waitFor();
      expect(await problemsSoFar(), `on /${path}`).toEqual([]);
    }
  });
}

test('the lab runs under the policy: runtime, model, threads, camera-free example set', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(`${SITE_ISOLATED}lab/`);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export to a file' }).click();
  expect(await problems()).toEqual([]);
});
