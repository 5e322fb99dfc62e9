import { expect, test } from '@playwright/test';
import { SITE_WITH_BASE } from '../../playwright.config';

const results = (page: import('@playwright/test').Page) => page.locator('[data-search-results] > li');

test('the header search finds a paper by a phrase from its notes', async ({ page }) => {
  await page.goto('topics/few-shot-learning/');
  await page.getByRole('searchbox', { name: 'Search the survey' }).fill('memorizes the embeddings of past iterations');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=memorizes/);
  await expect(results(page).first()).toContainText('Cross-Batch Memory for Embedding Learning');
  await expect(results(page).first().locator('mark').first()).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/page(s)? match/);
});

test('filters narrow the results, and the choice is kept in the address', async ({ page }) => {
  await page.goto('search/?q=metric');
  await expect(results(page).first()).toBeVisible();
  const before = await results(page).count();
  await page.getByRole('group', { name: 'Survey author’s mark' }).getByLabel(':-1:').check();
  await expect(page).toHaveURL(/mark=%3A-1%3A/);
  await expect.poll(() => results(page).count()).toBeLessThan(before);
  for (const href of await results(page).locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))) {
    expect(href).toMatch(/^\/papers\//);
  }
  await page.getByRole('group', { name: 'Year' }).getByLabel('2019').check();
  await expect(page.getByRole('status')).toContainText(/match/);
});

test('search is loaded only on the search page and stays on this site', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('search/?q=hyperbolic');
  await expect(results(page).first()).toBeVisible();
  expect(requests.some((url) => url.includes('/pagefind/pagefind.js'))).toBe(true);
  for (const url of requests) expect(new URL(url).origin).toBe('http://127.0.0.1:4321');
});

test('search works when the site is served from a sub-path', async ({ page }) => {
  await page.goto(`${SITE_WITH_BASE}search/?q=Wasserstein`);
  const first = results(page).first().locator('a');
  await expect(first).toBeVisible();
  expect(await first.evaluate((a) => (a as HTMLAnchorElement).pathname)).toMatch(/^\/metric-atlas\/(papers|topics)\//);
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Wasserstein');
});
