import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { seededRandom } from '../../src/lib/random';
import { drawingPng, writeClassFolders } from '../fixtures/lab-pictures';

async function startLab(page: Page) {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
}

async function downloaded(page: Page, button: string | RegExp, scope = page.locator('body')): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: button }).click();
  return readFileSync(await (await download).path());
}

const counts = (page: Page) => page.locator('.lab-class .count').allTextContents();
const classNames = (page: Page) => page.getByRole('textbox', { name: 'Class name' }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
/** A data URL's bytes, base64. */
const payload = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

test('a picked folder gives one class per folder; exported as a zip of folders, cleared and imported, the lab is the same', async ({ page }) => {
  const root = join(mkdtempSync(join(tmpdir(), 'lab-folders-')), 'shapes');
  writeClassFolders(root, 3, 4);
  writeFileSync(join(root, 'shape 02', 'notes.txt'), 'not a picture');
  await startLab(page);
  await page.locator('[data-lab-folder]').setInputFiles(root);
  // The two empty classes a new lab starts with give way to the folders.
  await expect.poll(() => classNames(page)).toEqual(['shape 01', 'shape 02', 'shape 03']);
  await expect.poll(() => counts(page)).toEqual(['4 examples', '4 examples', '4 examples']);
  await expect(page.locator('[data-lab-file-status]')).toContainText('shapes/shape 02/notes.txt is not a picture');

  const before = JSON.parse((await downloaded(page, 'Export to a file')).toString('utf8'));
  const zip = await downloaded(page, 'Export as a zip of folders');
  const files = unzipSync(new Uint8Array(zip));
  expect(Object.keys(files).sort()).toEqual(['manifest.json', ...['shape 01', 'shape 02', 'shape 03'].flatMap((f) => [1, 2, 3, 4].map((i) => `${f}/000${i}.png`))]);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  // Each picture in its folder is the kept original, byte for byte.
  manifest.classes.forEach((c: { examples: Array<{ original: string }> }, i: number) =>
    c.examples.forEach((e, j) => expect(Buffer.from(files[e.original]!).toString('base64')).toBe(payload(before.classes[i].examples[j].original))),
  );

  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect.poll(() => counts(page)).toEqual(['No examples yet.', 'No examples yet.']);
  await page.locator('[data-lab-import]').setInputFiles({ name: 'lab.zip', mimeType: 'application/zip', buffer: zip });
  await expect(page.locator('[data-lab-file-status]')).toContainText('Imported lab.zip: 3 classes.');
  const after = JSON.parse((await downloaded(page, 'Export to a file')).toString('utf8'));
  // Lossless: the same classes, ids, names, pictures and embeddings, and the same method.
  expect(after.classes).toEqual(before.classes);
  expect(after.method).toEqual(before.method);
});

test('a zip of class folders from elsewhere, dropped on the examples, adds a class per folder; a damaged zip is named', async ({ page }) => {
  const random = seededRandom(7);
  const zip = zipSync({
    'pets/cats/1.png': drawingPng(0, random),
    'pets/cats/2.png': drawingPng(0, random),
    'pets/dogs/1.png': drawingPng(3, random),
    '__MACOSX/pets/cats/._1.png': new Uint8Array([0, 1, 2]),
  });
  await startLab(page);
  const transfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'pets.zip', { type: 'application/zip' }));
    return dt;
  }, Array.from(zip));
  await page.locator('[data-lab-part="examples"]').dispatchEvent('drop', { dataTransfer: transfer });
  await expect.poll(() => classNames(page)).toEqual(['cats', 'dogs']);
  await expect.poll(() => counts(page)).toEqual(['2 examples', '1 example']);

  await page.locator('[data-lab-zip]').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(page.locator('[data-lab-file-status]')).toContainText('broken.zip is not a zip file');
  await expect.poll(() => counts(page)).toEqual(['2 examples', '1 example']);
});

test('a class’s pictures download as a zip of one folder, each byte for byte as kept', async ({ page }) => {
  const root = join(mkdtempSync(join(tmpdir(), 'lab-folders-')), 'shapes');
  writeClassFolders(root, 2, 3);
  await startLab(page);
  await page.locator('[data-lab-folder]').setInputFiles(root);
  await expect.poll(() => counts(page)).toEqual(['3 examples', '3 examples']);
  const lab = JSON.parse((await downloaded(page, 'Export to a file')).toString('utf8'));
  const files = unzipSync(new Uint8Array(await downloaded(page, 'Download these pictures', page.locator('.lab-class').nth(1))));
  expect(Object.keys(files)).toEqual(['shape 02/0001.png', 'shape 02/0002.png', 'shape 02/0003.png']);
  Object.values(files).forEach((bytes, j) => expect(Buffer.from(bytes).toString('base64')).toBe(payload(lab.classes[1].examples[j].original)));
});

test('a class of 450 pictures keeps only the thumbnails in view in the page; scrolling brings the last, whose thumbnail came after the view (at most 400 per message)', async ({ page }) => {
  const root = join(mkdtempSync(join(tmpdir(), 'lab-folders-')), 'many');
  writeClassFolders(root, 1, 450);
  await startLab(page);
  await page.locator('[data-lab-folder]').setInputFiles(root);
  await expect(page.locator('.lab-class')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('.lab-class .count')).toHaveText('450 examples');
  const cells = page.locator('.lab-class .thumbnails li');
  await expect(cells.first()).toBeVisible();
  expect(await cells.count()).toBeLessThan(40);
  await page.locator('.thumb-window').evaluate((w) => w.scrollTo(0, w.scrollHeight));
  const last = page.getByRole('img', { name: 'Example 450 of shape 01' });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect.poll(() => last.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await cells.count()).toBeLessThan(40);
  await page.getByRole('button', { name: 'Remove example 450 of shape 01' }).click();
  await expect(page.locator('.lab-class .count')).toHaveText('449 examples');
});
