import { expect, test } from '@playwright/test';

test('the graph links every paper and topic to its page, with no script', async ({ page }) => {
  await page.goto('graph/');
  await expect(page.locator('svg a[href*="/papers/"]')).toHaveCount(49);
  await expect(page.locator('svg a[href*="/topics/"]')).toHaveCount(9);
  await page.locator('svg a[href$="/papers/circle-loss/"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/papers\/circle-loss\/$/);
});

test("the graph's text alternative lists each relation from both ends", async ({ page }) => {
  await page.goto('graph/');
  const rll = page.locator('.adjacency dt', { hasText: 'Ranked List Loss for Deep Metric Learning' });
  await expect(rll).toHaveCount(1);
  const list = page.locator('.adjacency dt:has-text("Ranked List Loss for Deep Metric Learning") + dd');
  await expect(list).toContainText('The survey author: a partial inspiration for Sampling Wisely');
  await expect(list).toContainText('The survey author: reported on by Unbiased Evaluation');
});

test("relations that are the survey author's remarks say so, on the paper page too", async ({ page }) => {
  await page.goto('papers/ranked-list-loss/');
  const item = page.locator('.relations li', { hasText: 'Circle Loss' });
  await expect(item).toContainText('The survey author: not outperformed by Circle Loss');
  await expect(item.locator('.author-remark')).toContainText('Survey author');
  await expect(item.locator('q')).toHaveCount(0);
});

test('focusing a node shows its title', async ({ page }) => {
  await page.goto('graph/');
  const node = page.locator('svg a[href$="/papers/fastap/"]');
  await node.focus();
  await expect(node.locator('.node-label')).toBeVisible();
});

test("a paper page shows its neighbourhood and links to it in the graph", async ({ page }) => {
  await page.goto('papers/fastap/');
  const neighbours = page.locator('.neighbours');
  await expect(neighbours.getByRole('link', { name: 'Divide and Conquer the Embedding Space for Metric Learning' })).toBeVisible();
  await expect(neighbours).toContainText('both use ResNet-50');
  await neighbours.getByRole('link', { name: 'See it in the related-paper graph' }).click();
  await expect(page).toHaveURL(/\/graph\/#fastap$/);
});

test('a neighbour that shares both a backbone and a data set is listed once', async ({ page }) => {
  await page.goto('papers/mic-mining-interclass-characteristics/');
  await expect(page.locator('.neighbours li', { hasText: 'Circle Loss' })).toHaveCount(1);
});

test('the comparison tables trace every row to the paper notes', async ({ page }) => {
  await page.goto('compare/');
  const backbones = page.locator('#backbones');
  await expect(backbones.locator('thead th')).toContainText(['Paper', 'DenseNet-201']);
  const xbm = backbones.locator('tr', { hasText: 'Cross-Batch Memory' });
  await expect(xbm.locator('td.yes')).toHaveCount(3);
  for (const href of await page.locator('tbody th a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash))) {
    expect(href).toMatch(/^\/papers\/[a-z0-9-]+\/#notes$/);
  }
  await expect(page.locator('blockquote')).toContainText('different works report the results with different dimension of embeddings');
});
