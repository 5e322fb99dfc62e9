import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { circle, draw } from './lab-drawing';
import { renameFirstClass, startLab, teachCirclesAndCrosses, TWO_VARIANTS } from './support/lab';

test('a reload offers the saved lab, and resuming restores classes, examples and names', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await renameFirstClass(page, 'circles <b>!</b>');
  await page.locator('select[name="metric"]').selectOption('cosine');
  await page.reload();
  await page.getByRole('button', { name: /Resume your lab \(2 classes, 4 examples\)/ }).click();
  const classes = page.locator('.lab-class');
  await expect(classes).toHaveCount(2);
  await expect(classes.nth(0).getByRole('textbox', { name: 'Class name' })).toHaveValue('circles <b>!</b>');
  await expect(classes.nth(0).locator('.count')).toHaveText('2 examples');
  await expect(page.locator('select[name="metric"]')).toHaveValue('cosine');
  await expect(page.locator('b')).toHaveCount(0);
  await draw(page, page.locator('[data-lab-query-pad]'), [circle(0.5, 0.5, 0.28)]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: circles <b>!</b>');
});

test('export, clear and import give back the same lab; a damaged file is refused', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(page.locator('.lab-class').nth(0).locator('.count')).toHaveText('No examples yet.');
  await page.locator('[data-lab-import]').setInputFiles({ name: 'lab.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.locator('[data-lab-file-status]')).toContainText('Imported lab.json: 2 classes.');
  await expect(page.locator('.lab-class').nth(1).locator('.count')).toHaveText('2 examples');
  const download2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  // The same classes, example ids, pictures (byte for byte) and embeddings.
  const again = JSON.parse(readFileSync(await (await download2).path(), 'utf8'));
  expect(again.classes).toEqual(JSON.parse(exported).classes);
  expect(again.classes.flatMap((c: { examples: unknown[] }) => c.examples)).toHaveLength(4);

  await page.locator('[data-lab-import]').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...JSON.parse(exported), version: 9 })) });
  await expect(page.locator('[data-lab-file-status]')).toContainText('saved by a newer Metric Atlas');
  await page.locator('[data-lab-import]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "metric') });
  await expect(page.locator('[data-lab-file-status]')).toContainText('broken.json is not a saved lab');
  await expect(page.locator('.lab-class').nth(1).locator('.count')).toHaveText('2 examples');
});

test('an example can be removed on its own', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await renameFirstClass(page, 'circles <b>!</b>');
  await page.getByRole('button', { name: 'Remove example 1 of circles <b>!</b>' }).click();
  await expect(page.locator('.lab-class').nth(0).locator('.count')).toHaveText('1 example');
});
