import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { draw } from './lab-drawing';

/**
 * Nothing a visitor gives is lost: changing the model, reloading, clearing,
 * loading the example set, importing, removing a class — each keeps every
 * example or can be undone. And the numbers mean what they say: calibrated
 * confidences, "unknown" by the rule the page states, photos upright.
 */
const photo = (name: string) => new URL(`../fixtures/photos/${name}`, import.meta.url).pathname;
const classes = (page: Page) => page.locator('.lab-class');
const counts = (page: Page) => classes(page).locator('.count').allTextContents();

async function exampleSet(page: Page, model: string) {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
}

test('changing the model keeps every example and embeds them again; switching back finds them at once; a reload restores them', async ({ page }) => {
  await exampleSet(page, 'sketch-protonet');
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet-objectron');
  await expect(page.locator('[data-lab-status]')).toContainText('Ready: Photo embedding', { timeout: 60_000 });
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);
  // The photo model's verdict on one of the drawings, from its own embeddings of the kept originals.
  await page.locator('[data-lab-query-files]').setInputFiles(photo('coffee.png'));
  await expect(page.locator('.prediction .verdict')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('sketch-protonet');
  await expect(page.locator('[data-lab-status]')).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);

  await page.reload();
  await page.getByRole('button', { name: 'Resume your lab (3 classes, 15 examples)' }).click();
  await expect(page.locator('[data-lab-status]')).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);
});

test('clear everything, remove a class, the example set and an import over the lab can each be undone', async ({ page }) => {
  await exampleSet(page, 'sketch-protonet');
  const names = await page.getByRole('textbox', { name: 'Class name' }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect.poll(() => counts(page)).toEqual(['No examples yet.', 'No examples yet.']);
  await page.getByRole('button', { name: 'Undo “Clear everything”' }).click();
  await expect(classes(page)).toHaveCount(3);
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);

  await classes(page).nth(1).getByRole('button', { name: 'Remove class' }).click();
  await expect(classes(page)).toHaveCount(2);
  await page.getByRole('button', { name: `Undo “Remove ${names[1]}”` }).click();
  await expect(page.getByRole('textbox', { name: 'Class name' })).toHaveCount(3);
  expect(await page.getByRole('textbox', { name: 'Class name' }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(names);

  // The undo survives a reload: it is kept in this browser's storage too.
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await page.reload();
  await page.getByRole('button', { name: /Resume your lab \(2 classes, 0 examples\)/ }).click();
  await page.getByRole('button', { name: 'Undo “Clear everything”' }).click();
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);

  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('[data-lab-file-status]')).toContainText('Your own classes are kept');
  await page.getByRole('button', { name: 'Undo “Try an example set”' }).click();
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);

  // A format-1 file imported over the lab replaces it, and Undo brings the lab back.
  await page.locator('[data-lab-import]').setInputFiles(new URL('../fixtures/labs/version-1.json', import.meta.url).pathname);
  await expect(page.locator('[data-lab-file-status]')).toContainText('Imported version-1.json: 2 classes. The lab you had is kept for Undo.');
  await expect.poll(() => counts(page)).toEqual(['3 examples', '3 examples']);
  await page.getByRole('button', { name: 'Undo “Import”' }).click();
  await expect.poll(() => counts(page)).toEqual(['5 examples', '5 examples', '5 examples']);
});

test('a class name another class has is refused; a blank name puts the previous one back', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  const inputs = page.getByRole('textbox', { name: 'Class name' });
  await expect(inputs).toHaveCount(2);
  await inputs.nth(1).fill(' class a ');
  await inputs.nth(1).press('Tab');
  await expect(classes(page).nth(1).locator('.message')).toHaveText('There is already a class called “Class A”; give this one another name.');
  await expect(inputs.nth(1)).toHaveValue('Class B');
  await inputs.nth(0).fill('   ');
  await inputs.nth(0).press('Tab');
  await expect(classes(page).nth(0).locator('.message')).toHaveText('A class needs a name.');
  await expect(inputs.nth(0)).toHaveValue('Class A');
});

test('a lab saved by the previous version of the page opens, with its names and examples', async ({ page }) => {
  const saved = JSON.parse(readFileSync(new URL('../fixtures/labs/version-1.json', import.meta.url), 'utf8'));
  await page.goto('lab/');
  // Where version 1 kept it: idb-keyval's default store.
  await page.evaluate(async (value) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keyval-store');
      open.onupgradeneeded = () => open.result.createObjectStore('keyval');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('keyval', 'readwrite');
      tx.objectStore('keyval').put(value, 'metric-atlas-lab');
      tx.oncomplete = resolve;
    });
  }, saved);
  await page.reload();
  await page.getByRole('button', { name: 'Resume your lab (2 classes, 6 examples)' }).click();
  await expect(page.getByRole('textbox', { name: 'Class name' }).first()).toHaveValue('circles <b>!</b>', { timeout: 30_000 });
  await expect.poll(() => counts(page)).toEqual(['3 examples', '3 examples']);
  await expect(page.locator('select[name="metric"]')).toHaveValue('cosine');
  await expect(page.getByRole('img', { name: 'Example 1 of circles <b>!</b>' })).toBeVisible();
});

/** A photo saved sideways with an EXIF orientation tag, as phones do, and the same photo saved upright: both JPEG. */
async function uprightAndSideways(page: Page, png: Buffer): Promise<[Buffer, Buffer]> {
  const [upright, sideways] = await page.evaluate(async (base64) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const jpeg = async (canvas: OffscreenCanvas) => new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
    const straight = new OffscreenCanvas(image.width, image.height);
    straight.getContext('2d')!.drawImage(image, 0, 0);
    // Stored turned a quarter anticlockwise; orientation 6 tells the viewer to turn it clockwise.
    const turned = new OffscreenCanvas(image.height, image.width);
    const context = turned.getContext('2d')!;
    context.translate(0, image.width);
    context.rotate(-Math.PI / 2);
    context.drawImage(image, 0, 0);
    const stored = await jpeg(turned);
    const exif = [0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
    const tagged = new Uint8Array([...stored.subarray(0, 2), ...exif, ...stored.subarray(2)]);
    return [btoa(String.fromCharCode(...(await jpeg(straight)))), btoa(String.fromCharCode(...tagged))];
  }, png.toString('base64'));
  return [Buffer.from(upright, 'base64'), Buffer.from(sideways, 'base64')];
}

test('a phone photo stored sideways with an EXIF orientation is used upright: its thumbnail is landscape and it matches the upright copy', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet-objectron');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.locator('[data-lab-status]')).toContainText('Ready:', { timeout: 60_000 });
  const [upright, sideways] = await uprightAndSideways(page, readFileSync(photo('chelsea.png')));
  await classes(page).nth(0).locator('input[type="file"]').setInputFiles({ name: 'cat-upright.jpg', mimeType: 'image/jpeg', buffer: upright });
  await classes(page).nth(1).locator('input[type="file"]').setInputFiles(photo('coffee.png'));
  await expect(classes(page).nth(1).locator('.count')).toHaveText('1 example');
  await page.locator('[data-lab-query-files]').setInputFiles({ name: 'cat-sideways.jpg', mimeType: 'image/jpeg', buffer: sideways });
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class A');
  const size = await page.locator('.prediction > img.thumb').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size[0]).toBeGreaterThan(size[1]!);
  const distances = (await page.locator('.prediction .bars li').allTextContents()).map((t) => Number(t.match(/distance ([\d.]+)/)![1]));
  // The same picture, upright either way: far nearer to its copy than to another photo.
  expect(distances[0]!).toBeLessThan(0.05 * distances[1]!);
});

test('with one example per class, a query unlike both is "unknown" by the model card’s threshold, and the page says which rule is in force', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  const bars: Array<Array<[number, number]>> = [[[0.2, 0.5], [0.8, 0.5]], [[0.5, 0.2], [0.5, 0.8]]];
  for (const [i, bar] of bars.entries()) {
    await draw(page, classes(page).nth(i).locator('canvas.pad'), [bar]);
    await classes(page).nth(i).getByRole('button', { name: 'Add drawing' }).click();
    await expect(classes(page).nth(i).locator('.count')).toHaveText('1 example');
  }
  // A dense scribble: neither a horizontal nor a vertical bar.
  await draw(page, page.locator('[data-lab-query-pad]'), Array.from({ length: 12 }, (_, k): Array<[number, number]> => [[0.05 + k * 0.07, 0.05], [0.95 - k * 0.07, 0.95]]));
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText(/^Prediction: Unknown \(nearest: Class [AB]\)$/);
  await expect(page.locator('.calibration-note')).toContainText('the model card’s one-example threshold');
  await expect(page.locator('.calibration-note')).toContainText('calibrated on held-out validation classes of glyphs-heldout');
  const card = JSON.parse(readFileSync(new URL('../../models/sketch-protonet/card.json', import.meta.url), 'utf8'));
  const temperature = card.calibration.settings['euclidean/l2'].temperature.toPrecision(3);
  await expect(page.locator('[data-lab-temperature-source]')).toContainText(`automatic (T = ${temperature}, from the model card)`);
});
