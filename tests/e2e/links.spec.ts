import { expect, test, type APIRequestContext } from '@playwright/test';
import { BASE_PATH, SITE, SITE_WITH_BASE } from '../../playwright.config';

const ATTRIBUTE = /\s(?:href|src)="([^"#]*)(?:#[^"]*)?"/g;

/**
 * Crawls a built site from its home page and checks that every internal link and
 * asset resolves, and that nothing points outside the site's base path.
 */
async function crawl(request: APIRequestContext, start: string) {
  const origin = new URL(start).origin;
  const base = new URL(start).pathname;
  const seen = new Set<string>([start]);
  const queue = [start];
  const broken: string[] = [];
  const outsideBase: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await request.get(url);
    if (!response.ok()) {
      broken.push(`${url} → ${response.status()}`);
      continue;
    }
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    pages++;
    const html = await response.text();
    for (const [, value] of html.matchAll(ATTRIBUTE)) {
      if (!value) continue;
      const target = new URL(value, url);
      if (target.origin !== origin) continue;
      if (!target.pathname.startsWith(base)) outsideBase.push(`${url} → ${value}`);
      const clean = target.origin + target.pathname;
      if (!seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    }
  }
  return { pages, broken, outsideBase, seen: seen.size };
}

for (const [name, start] of [
  ['at the root', SITE],
  [`under the base path ${BASE_PATH}`, SITE_WITH_BASE],
] as const) {
  test(`every internal link and asset resolves when the site is served ${name}`, async ({ request }) => {
    const result = await crawl(request, start);
    expect(result.broken).toEqual([]);
    expect(result.outsideBase).toEqual([]);
    // Home, 9 topics, 49 papers, the table and its 4 sorted views.
    expect(result.pages).toBeGreaterThanOrEqual(1 + 9 + 49 + 1 + 4);
  });
}

test('the base-path build loads its stylesheets and fonts from under the base path', async ({ page }) => {
  const assets: Array<{ path: string; status: number }> = [];
  page.on('response', (response) => {
    if (['stylesheet', 'font'].includes(response.request().resourceType())) {
      assets.push({ path: new URL(response.url()).pathname, status: response.status() });
    }
  });
  await page.goto(`${SITE_WITH_BASE}papers/circle-loss/`);
  await page.getByRole('link', { name: 'Deep metric learning, ICCV 2019 / CVPR 2020' }).first().click();
  await expect(page).toHaveURL(`${SITE_WITH_BASE}topics/dml-iccv-2019-cvpr-2020/`);
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  // Responses are reported as they arrive, not when the page is done with them: wait for both kinds.
  await expect.poll(() => assets.some((a) => a.path.endsWith('.css')), { message: 'a stylesheet response' }).toBe(true);
  await expect.poll(() => assets.some((a) => /\.woff2?$/.test(a.path)), { message: 'a font response' }).toBe(true);
  for (const asset of assets) {
    expect(asset.status, asset.path).toBe(200);
    expect(asset.path.startsWith(BASE_PATH), asset.path).toBe(true);
  }
});
