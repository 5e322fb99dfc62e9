import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { circle, cross, draw } from './lab-drawing';
import { startLab, teachCirclesAndCrosses, TWO_VARIANTS } from './support/lab';

// Drawn classes; more in lab-photos, lab-saved, lab-example-sets, lab-runtime and lab-own-model.
test('a visitor teaches two drawn classes and the lab classifies new drawings, on this device only', async ({ page }) => {
  const requests: Array<{ url: string; method: string }> = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  await startLab(page);
  await teachCirclesAndCrosses(page, [...TWO_VARIANTS, [0.55, 0.45, 0.35]]);

  const query = page.locator('[data-lab-query-pad]');
  await draw(page, query, [circle(0.5, 0.52, 0.28)]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class A');
  await expect(page.getByRole('meter', { name: 'Confidence in Class A' })).toBeVisible();

  await expect(page.locator('.prediction .nearest img')).toHaveCount(3);
  await expect(page.getByRole('img', { name: /^Embedding map/ })).toBeVisible();
  // 6 examples, 1 query, 2 prototypes, in the map's text alternative (built when its fold opens).
  await page.getByText('The map as a table (9 points)').click();
  await expect(page.locator('.map-table tbody tr')).toHaveCount(9);

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await draw(page, query, cross(0.5, 0.5, 0.3));
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class B');

  for (const { url, method } of requests) {
    expect(new URL(url).origin).toBe('http://127.0.0.1:4321');
    expect(method).toBe('GET');
  }
});

test('a drawing unlike every class is answered "unknown"', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await draw(page, page.locator('[data-lab-query-pad]'), [[[0.1, 0.5], [0.9, 0.52]], [[0.1, 0.2], [0.9, 0.22]]]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText(/^Prediction: Unknown/);
});

test('a stroke begun while the last drawing is being taken stays on the pad for the next one', async ({ page }) => {
  await startLab(page);
  const first = page.locator('.lab-class').first();
  await draw(page, first.locator('canvas.pad'), [circle(0.5, 0.5, 0.3)]);
  // The click and the next stroke in one task: the stroke lands while the click's handler waits for its bitmap.
  await first.locator('canvas.pad').evaluate((pad: HTMLCanvasElement) => {
    (pad.closest('.lab-class')!.querySelector('button[data-draw-only]') as HTMLButtonElement).click();
    const box = pad.getBoundingClientRect();
    const at = (type: string, x: number) => pad.dispatchEvent(new PointerEvent(type, { pointerId: 1, bubbles: true, clientX: box.left + x * box.width, clientY: box.top + box.height / 2 }));
    at('pointerdown', 0.2);
    at('pointermove', 0.8);
    at('pointerup', 0.8);
  });
  await expect(first.locator('.count')).toHaveText('1 example');
  await first.getByRole('button', { name: 'Add drawing' }).click();
  await expect(first.locator('.count')).toHaveText('2 examples');
  await expect(first.locator('.message')).toHaveText('');
});

test('a file that is not an image gets its own message and loses nothing else', async ({ page }) => {
  await startLab(page);
  const first = page.locator('.lab-class').first();
  await draw(page, first.locator('canvas.pad'), [circle(0.5, 0.5, 0.3)]);
  await first.getByRole('button', { name: 'Add drawing' }).click();
  await first.locator('input[type="file"]').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is text, not a photo') });
  await expect(first.locator('.message')).toContainText('holiday.jpg is not an image the lab can read');
  await expect(first.locator('.count')).toHaveText('1 example');
});

test('classifying before any class has examples says what is missing', async ({ page }) => {
  await startLab(page);
  await draw(page, page.locator('[data-lab-query-pad]'), [circle(0.5, 0.5, 0.3)]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('[data-lab-results] .message')).toContainText('at least two classes with examples');
});

test('the lab has no accessibility violations once started', async ({ page }) => {
  await startLab(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
