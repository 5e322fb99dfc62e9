import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RETIRED_MODELS } from '../../src/lib/models/catalog.ts';

/** What each retired photo model stored per example. */
const RETIRED_WIDTH: Record<keyof typeof RETIRED_MODELS, number> = { 'photo-mobilenetv3': 152, 'photo-mobilenetv2-centernet': 1944 };

/**
 * A lab kept in this browser from before a photo model was retired: its
 * stored shape names the old model and its examples hold only the old
 * model's embeddings. Resuming must open it with the successor and embed the
 * kept originals again, losing nothing.
 */
for (const [retired, successor] of Object.entries(RETIRED_MODELS) as [keyof typeof RETIRED_MODELS, string][]) {
  test(`a stored lab that used the retired ${retired} resumes with ${successor}, every example re-embedded`, async ({ page }) => {
    const width: number = JSON.parse(readFileSync(new URL(`../../models/${successor}/card.json`, import.meta.url), 'utf8')).output.dim;
    await page.goto('lab/');
    await page.getByRole('combobox', { name: 'Model' }).selectOption(successor);
    await page.getByRole('button', { name: 'Try an example set' }).click();
    await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
    const before = await page.locator('.prediction .verdict').allTextContents();

    // Rewrite what the worker stored as the old page would have left it (db metric-atlas-lab, store lab).
    const rewritten = await page.evaluate(async ({ retired, width }) => {
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
        if (key === 'lab') value.modelId = retired;
        else if (String(key).startsWith('example:') && value.embeddings) {
          value.embeddings = { [retired]: new Float32Array(width) };
          examples++;
        } else continue;
        await new Promise((resolve) => (store().put(value, key).onsuccess = resolve));
      }
      return examples;
    }, { retired, width: RETIRED_WIDTH[retired] });
    expect(rewritten).toBe(15);

    await page.reload();
    await page.getByRole('button', { name: 'Resume your lab (3 classes, 15 examples)' }).click();
    await expect(page.locator('[data-lab-status]')).toContainText('Ready: Photo embedding,', { timeout: 60_000 });
    await expect(page.locator('[data-lab-status] details')).toContainText('Model: Photo embedding (MobileNetV2 1.4');
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue(successor);
    const counts = await page.locator('.lab-class .count').allTextContents();
    expect(counts).toEqual(['5 examples', '5 examples', '5 examples']);
    // Each kept original was embedded again by the successor (and saved), and a new photo is classified against them.
    await expect
      .poll(
        () =>
          page.evaluate(async ({ successor, width }) => {
            const db = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('metric-atlas-lab').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
            const values = await new Promise<unknown[]>((resolve) => {
              const request = db.transaction('lab', 'readonly').objectStore('lab').getAll();
              request.onsuccess = () => resolve(request.result);
            });
            return values.filter((v) => (v as { embeddings?: Record<string, Float32Array> }).embeddings?.[successor]?.length === width).length;
          }, { successor, width }),
        { timeout: 30_000 },
      )
      .toBe(15);
    await page.locator('[data-lab-query-files]').setInputFiles(new URL('../fixtures/photos/coffee.png', import.meta.url).pathname);
    await expect(page.locator('.prediction .verdict')).toHaveCount(1, { timeout: 30_000 });
    expect(before).toHaveLength(3);
  });

  test(`an address that names the retired ${retired} (an old link or embed) opens the lab with ${successor}`, async ({ page }) => {
    await page.goto(`embed/lab/?model=${retired}`);
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue(successor);
  });
}
