import { expect, test } from '@playwright/test';
import { OTHER_ORIGIN } from '../../playwright.config';

test('a figure embed works inside a page of another origin; an ordinary page refuses to be framed there', async ({ page }) => {
  await page.goto(OTHER_ORIGIN);
  const frame = page.frameLocator('#figure');
  const figure = frame.locator('#figure-circle-loss');
  await expect(figure).toHaveAttribute('data-state', 'live');
  const before = await figure.locator('[data-summary]').textContent();
  await figure.locator('[data-handle="t"]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(figure.locator('[data-summary]')).not.toHaveText(before!);
  // frame-ancestors 'self' keeps the rest of the site out of other sites' frames.
  await expect(page.frameLocator('#page').getByRole('heading', { level: 1 })).toHaveCount(0);
});

test('the lab embedded in a page that is not cross-origin isolated falls back to one thread and still classifies', async ({ page }) => {
  await page.goto(OTHER_ORIGIN);
  const lab = page.frameLocator('#lab');
  await expect(lab.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await expect(lab.getByRole('status').first()).toContainText('1 thread');
});

test('inside a cross-origin isolated page of another origin, a figure runs and the lab (with its URL parameters) runs on two threads', async ({ page }) => {
  await page.goto(`${OTHER_ORIGIN}isolated/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const figure = page.frameLocator('#figure').locator('#figure-sliced-wasserstein');
  await expect(figure).toHaveAttribute('data-state', 'live');
  await expect(page.frameLocator('#figure').locator('html')).toHaveAttribute('data-text', 'large');
  const lab = page.frameLocator('#lab');
  await expect(lab.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await expect(lab.locator('select[name="metric"]')).toHaveValue('cosine');
  await expect(lab.getByRole('status').first()).toContainText(/Ready: Sketch ProtoNet.*2 threads/);
});

test('the lab embed takes its model from the address and has no site chrome', async ({ page }) => {
  await page.goto('embed/lab/?model=photo-mobilenetv2-centernet-objectron');
  await expect(page.locator('header, nav, footer')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('photo-mobilenetv2-centernet-objectron');
  await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible();
});

test('the slides page shows a live embedded figure', async ({ page }) => {
  await page.goto('slides/');
  const figure = page.frameLocator('.example-frame').locator('#figure-circle-loss');
  await figure.locator('svg').scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-state', 'live');
  await expect(page.getByRole('heading', { name: 'reveal.js' })).toBeVisible();
});
