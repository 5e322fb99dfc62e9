import { expect, test, type Page } from '@playwright/test';

const rows = (page: Page) => page.locator('tbody tr:visible');

test.describe('the all-papers table', () => {
  test('lists all 49 papers in survey order', async ({ page }) => {
    await page.goto('papers/');
    await expect(rows(page)).toHaveCount(49);
    await expect(rows(page).first()).toContainText('Revisiting Training Strategies');
  });

  test('filters by mark, then by topic and backbone together', async ({ page }) => {
    await page.goto('papers/');
    await page.getByRole('group', { name: 'Survey author’s mark' }).getByLabel(':+1:').check();
    await expect(rows(page)).toHaveCount(10);

    await page.getByRole('group', { name: 'Backbone' }).getByLabel('ResNet-50').check();
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('Divide and Conquer');
    await expect(rows(page).nth(1)).toContainText('Deep Metric Learning to Rank');

    await page.getByRole('group', { name: 'Survey author’s mark' }).getByLabel('All').check();
    await page.getByRole('group', { name: 'Topic' }).getByLabel('Deep metric learning, ICCV 2019 / CVPR 2020').check();
    await expect(rows(page)).toHaveCount(3);
  });

  test('filters by venue and year, including papers whose venue the seed does not state', async ({ page }) => {
    await page.goto('papers/');
    await page.getByRole('group', { name: 'Venue' }).getByLabel('NeurIPS').check();
    await expect(rows(page)).toHaveCount(15);
    await page.getByRole('group', { name: 'Year' }).getByLabel('2017').check();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Mean teachers');
    await page.getByRole('group', { name: 'Venue' }).getByLabel('not stated').check();
    await page.getByRole('group', { name: 'Year' }).getByLabel('All').check();
    await expect(rows(page)).toHaveCount(5);
  });

  test('is operable by keyboard', async ({ page }) => {
    await page.goto('papers/');
    await page.getByRole('group', { name: 'Survey author’s mark' }).getByLabel('All').focus();
    await page.keyboard.press('ArrowRight');
    await expect(rows(page)).toHaveCount(10);
    await page.keyboard.press('ArrowRight');
    await expect(rows(page)).toHaveCount(11);
  });

  test('sorts by year through a link, newest first', async ({ page }) => {
    await page.goto('papers/');
    await page.getByRole('link', { name: /^Year: sort by/ }).click();
    await expect(page).toHaveURL(/\/papers\/by\/year\/$/);
    await expect(page.locator('th[aria-sort="descending"]')).toContainText('Year');
    const years = (await page.locator('tbody tr td:nth-child(4)').allTextContents()).filter((y) => y !== '—').map(Number);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years[0]).toBe(2020);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('still filters and sorts', async ({ page }) => {
      await page.goto('papers/by/title/');
      await expect(rows(page).first()).toContainText('A Compact Embedding');
      await page.getByRole('group', { name: 'Survey author’s mark' }).getByLabel(':-1:').check();
      await expect(rows(page)).toHaveCount(11);
    });
  });
});
