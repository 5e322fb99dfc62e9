/**
 * The worker dies (issue 23, item 3): the browser can end a worker without a
 * word, and its requests then never answer. Here the test ends it from inside
 * (self.close(), nothing the page hears) mid-import and before a training; the
 * page must notice, name the request that did not finish, open the saved lab
 * in a new worker, and lose nothing that was saved.
 */
import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';

const counts = (page: Page) => page.locator('.lab-class .count').allTextContents();

async function exampleSet(page: Page) {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  // Saved: a reload would offer these classes (the worker saves right after its reply).
  await expect.poll(() => page.evaluate(() => new Promise((r) => setTimeout(r, 300)).then(() => true))).toBe(true);
}

async function endWorker(page: Page) {
  const worker = page.workers().find((w) => w.url().includes('lab.worker'));
  expect(worker, 'the lab’s worker').toBeTruthy();
  await worker!.evaluate(() => self.close());
}

const pictures = (n: number) =>
  Promise.all(
    Array.from({ length: n }, async (_, i) => ({
      name: `dot-${i}.png`,
      mimeType: 'image/png',
      buffer: await sharp({ create: { width: 48, height: 48, channels: 3, background: { r: (i * 37) % 255, g: 255, b: 255 } } }).png().toBuffer(),
    })),
  );

test('a worker that dies mid-import is replaced: the import is named as not finished, and the saved lab is back', async ({ page }) => {
  test.setTimeout(120_000);
  await exampleSet(page);
  const before = await counts(page);
  const first = page.locator('.lab-class').first();
  await first.locator('input[type="file"]').setInputFiles(await pictures(120));
  await expect(page.locator('[data-lab-status]')).toContainText('Adding pictures:', { timeout: 30_000 });
  await endWorker(page);
  await expect(first.locator('.message')).toContainText('The lab’s worker stopped while adding pictures, so that did not finish.', { timeout: 45_000 });
  // The new worker opened the lab as saved: the example set's classes and examples, and it answers again.
  await expect.poll(() => counts(page), { timeout: 45_000 }).toEqual(before);
  await page.getByRole('button', { name: 'Add a class' }).click();
  await expect(page.locator('.lab-class')).toHaveCount(before.length + 1);
});

test('a worker that died before a request is found out by that request: learning a metric is named as not finished, then works', async ({ page }) => {
  test.setTimeout(120_000);
  await exampleSet(page);
  const before = await counts(page);
  await endWorker(page);
  const head = page.locator('[data-lab-head]');
  await head.getByRole('button', { name: 'Learn the metric' }).click();
  await expect(head.locator('[data-lab-head-status]')).toContainText('The lab’s worker stopped while learning a metric', { timeout: 45_000 });
  await expect.poll(() => counts(page), { timeout: 45_000 }).toEqual(before);
  await head.getByRole('button', { name: 'Learn the metric' }).click();
  await expect(head.locator('[data-lab-head-status]')).toContainText('On: verdicts, confidences', { timeout: 30_000 });
});
