import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** The corpus of tests/fixtures/bad/ fed to the lab as a visitor would: each file gets its message, nothing else is lost, no script runs. */
const corpus = new URL('../fixtures/bad/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8'));
const path = (file: string) => new URL(file, corpus).pathname;

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`A script from the input ran and opened a dialog: ${dialog.message()}`);
  });
  await page.goto('lab/');
  // Files are what visitors bring to the photo model.
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet-objectron');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready', { timeout: 60_000 });
});

test('every file of the corpus dropped on a class at once: the pictures are kept, each other file gets its own message', async ({ page }) => {
  const entries = manifest.examples as Array<{ file: string; accepted?: boolean; message?: string }>;
  const classA = page.locator('.lab-class').nth(0);
  await classA.locator('input[type="file"]').setInputFiles(entries.map((e) => path(e.file)));
  const accepted = entries.filter((e) => e.accepted).length;
  await expect(classA.locator('.count')).toHaveText(`${accepted} examples`, { timeout: 30_000 });
  for (const entry of entries.filter((e) => !e.accepted)) await expect(classA.locator('.message')).toContainText(new RegExp(entry.message!));
  await expect(page.locator('.lab-class')).toHaveCount(2);
  await expect(page.locator('svg script, script:not([src]):not([type])')).toHaveCount(0);
});

test('a corrupt saved lab and one from a future version are refused; the running lab stays', async ({ page }) => {
  const classA = page.locator('.lab-class').nth(0);
  await classA.locator('input[type="file"]').setInputFiles(path('good.png'));
  await expect(classA.locator('.count')).toHaveText('1 example');
  for (const entry of manifest.imports as Array<{ file: string; message: string }>) {
    await page.locator('[data-lab-import]').setInputFiles(path(entry.file));
    await expect(page.locator('[data-lab-file-status]')).toContainText(new RegExp(entry.message));
    await expect(classA.locator('.count')).toHaveText('1 example');
  }
});

test('class names with HTML or of great length are shown as text, never run', async ({ page }) => {
  const title = await page.title();
  const input = page.locator('.lab-class').nth(0).getByRole('textbox', { name: 'Class name' });
  for (const { name, shown } of manifest.classNames as Array<{ name: string; shown: string }>) {
    await input.fill(name);
    await input.press('Tab');
    await expect(page.locator('.lab-class').nth(0)).toHaveAttribute('aria-label', `Class ${shown}`);
  }
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.title()).toBe(title);
});

test('a file that is not ONNX, offered as the visitor’s own model, is refused and the lab keeps working', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Model' }).selectOption('custom');
  const form = page.locator('[data-lab-custom]');
  await form.getByLabel('ONNX file').setInputFiles(path('model.onnx'));
  await form.getByRole('button', { name: 'Load my model' }).click();
  await expect(form.locator('[data-lab-custom-message]')).toContainText(new RegExp(manifest.models[0].message));
  const classA = page.locator('.lab-class').nth(0);
  await classA.locator('input[type="file"]').setInputFiles(path('good.png'));
  await expect(classA.locator('.count')).toHaveText('1 example');
});
