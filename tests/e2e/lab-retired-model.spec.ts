import { expect, test } from '@playwright/test';

/**
 * A lab kept in this browser from before photo-mobilenetv3 was retired: its
 * stored shape names the old model and its examples hold only the old
 * model's embeddings. Resuming must open it with the successor and embed the
 * kept originals again, losing nothing.
 */
test('a stored lab that used the retired photo-mobilenetv3 resumes with photo-mobilenetv2-centernet, every example re-embedded', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet');
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  const before = await page.locator('.prediction .verdict').allTextContents();

  // Rewrite what the worker stored as the old page would have left it (db metric-atlas-lab, store lab).
  const rewritten = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('metric-atlas-lab');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = () => db.transaction('lab', 'readwrite').objectStore('lab');
    const all = await new Promise<{ keys: IDBValidKey[]; values: unknown[] }>((resolve) => {
      const keys = store().getAllKeys();
      keys.onsuccess = () => {
        const values = store().getAll();
        values.onsuccess = () => resolve({ keys: keys.result, values: values.result });
      };
    });
    let examples = 0;
    for (const [i, key] of all.keys.entries()) {
      const value = all.values[i] as { modelId?: string; embeddings?: Record<string, Float32Array> };
      if (key === 'lab') value.modelId = 'photo-mobilenetv3';
      else if (String(key).startsWith('example:') && value.embeddings) {
        value.embeddings = { 'photo-mobilenetv3': new Float32Array(152) };
        examples++;
      } else continue;
      await new Promise((resolve) => (store().put(value, key).onsuccess = resolve));
    }
    return examples;
  });
  expect(rewritten).toBe(15);

  await page.reload();
  await page.getByRole('button', { name: 'Resume your lab (3 classes, 15 examples)' }).click();
  await expect(page.locator('[data-lab-status]')).toContainText('Ready: Photo embedding,', { timeout: 60_000 });
  await expect(page.locator('[data-lab-status] details')).toContainText('Model: Photo embedding (MobileNetV2 1.4');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('photo-mobilenetv2-centernet');
  const counts = await page.locator('.lab-class .count').allTextContents();
  expect(counts).toEqual(['5 examples', '5 examples', '5 examples']);
  // Each kept original was embedded again by the successor (and saved), and a new photo is classified against them.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('metric-atlas-lab').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
          const values = await new Promise<unknown[]>((resolve) => {
            const request = db.transaction('lab', 'readonly').objectStore('lab').getAll();
            request.onsuccess = () => resolve(request.result);
          });
          return values.filter((v) => (v as { embeddings?: Record<string, Float32Array> }).embeddings?.['photo-mobilenetv2-centernet']?.length === 1944).length;
        }),
      { timeout: 30_000 },
    )
    .toBe(15);
  await page.locator('[data-lab-query-files]').setInputFiles(new URL('../fixtures/photos/coffee.png', import.meta.url).pathname);
  await expect(page.locator('.prediction .verdict')).toHaveCount(1, { timeout: 30_000 });
  expect(before).toHaveLength(3);
});

test('an address that names the retired model (an old link or embed) opens the lab with its successor', async ({ page }) => {
  await page.goto('embed/lab/?model=photo-mobilenetv3');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('photo-mobilenetv2-centernet');
});
