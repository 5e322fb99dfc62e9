import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { figuresOfTopic } from '../../src/figures/registry';

/** The survey's topics, one page each (src/content/topics/<id>.mdx). */
const TOPICS = readdirSync(new URL('../../src/content/topics/', import.meta.url)).map((file) => file.replace(/\.mdx$/, ''));

/** Loads a page and returns every script file it requested. */
async function scriptRequests(page: Page, path: string): Promise<string[]> {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return scripts;
}

test('a reader goes from the home page to a topic, a paper and a related paper', async ({ page }) => {
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Metric Atlas');
  const topics = page.locator('.topic-list > li');
  await expect(topics).toHaveCount(9);
  const counts = await page.locator('.topic-list .count').allTextContents();
  expect(counts.reduce((sum, text) => sum + Number.parseInt(text, 10), 0)).toBe(49);

  await page.getByRole('link', { name: 'Deep metric learning, ICCV 2019 / CVPR 2020' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deep metric learning, ICCV 2019 / CVPR 2020');
  await expect(page.locator('.katex').first()).toBeVisible();

  await page.getByRole('region', { name: /papers in the survey/ }).getByRole('link', { name: /^Circle Loss/ }).click();
  await expect(page).toHaveURL(/\/papers\/circle-loss\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Circle Loss/);

  await page.locator('.relations').getByRole('link', { name: 'Ranked List Loss for Deep Metric Learning' }).click();
  await expect(page).toHaveURL(/\/papers\/ranked-list-loss\/$/);
  // Relations show from both ends: the papers that compare themselves with Ranked List Loss.
  const related = page.locator('.relations');
  await expect(related.getByRole('link', { name: /^Circle Loss/ })).toBeVisible();
  await expect(related.getByRole('link', { name: /^Sampling Wisely/ })).toHaveCount(2);
  await expect(related.getByRole('link', { name: /^Unbiased Evaluation/ })).toBeVisible();

  await page.locator('nav[aria-label="Papers"] a[rel="next"]').click();
  await expect(page).toHaveURL(/\/papers\/stochastic-class-based-hard-example-mining\/$/);
});

test('a corrected title shows the seed spelling too', async ({ page }) => {
  await page.goto('papers/unsupervised-meta-learning-few-shot/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsupervised Meta-Learning for Few-Shot Image Classification');
  await expect(page.locator('.as-written')).toContainText('Few-Show');
});

for (const path of ['', 'papers/circle-loss/', 'papers/', 'papers/by/year/', 'graph/', 'compare/']) {
  test(`/${path} loads no script file`, async ({ page }) => {
    expect(await scriptRequests(page, path)).toEqual([]);
    expect(await page.locator('script[src]').count()).toBe(0);
  });
}

test('the only script on a paper page is the inline copy-button helper, under 1 KB', async ({ page }) => {
  await page.goto('papers/circle-loss/');
  const inline = await page.locator('script:not([src])').allTextContents();
  expect(inline).toHaveLength(1);
  expect(new TextEncoder().encode(inline[0]!).length).toBeLessThan(1024);
});

// Every topic has a live figure since issue 26, so no topic page is without script; each shows its figures.
for (const topic of TOPICS) {
  test(`/topics/${topic}/ shows its live figures (${figuresOfTopic(topic).map((f) => f.id).join(', ')})`, async ({ page }) => {
    expect(figuresOfTopic(topic).length).toBeGreaterThan(0);
    await page.goto(`topics/${topic}/`);
    for (const figure of figuresOfTopic(topic)) await expect(page.locator(`#figure-${figure.id}`)).toBeAttached();
  });
}

test('an unknown address gets the not-found page', async ({ page }) => {
  const response = await page.goto('papers/no-such-paper/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
