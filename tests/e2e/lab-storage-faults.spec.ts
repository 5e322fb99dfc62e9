/**
 * The faults of storage (issue 23, items 2, 5 and 6), each injected in a real
 * browser: storage full (a test-only switch in the worker's store makes its
 * save transaction fail with QuotaExceededError, as a full disk does; a quota
 * override over the DevTools protocol does not reach a database already
 * open), the same lab in two tabs, and a reload in the middle of a folder
 * import. Each time nothing that was saved is lost, and the page names
 * what was not saved.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seededRandom } from '../../src/lib/random';
import { drawingPng, writeClassFolders } from '../fixtures/lab-pictures';

const random = seededRandom(23);
const counts = (page: Page) => page.locator('.lab-class .count').allTextContents();
const storage = (page: Page) => page.locator('[data-lab-storage]');
const drawings = (k: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `shape-${k}-${i}.png`, mimeType: 'image/png', buffer: drawingPng(k, random) }));

/** Flips the worker store's test-only switch (worker/store.ts): its saves fail as on a full disk. */
async function storageFull(page: Page, full: boolean) {
  const worker = page.workers().find((w) => w.url().includes('lab.worker'));
  expect(worker, 'the lab’s worker').toBeTruthy();
  await worker!.evaluate((on) => void ((globalThis as { labStorageFullForTests?: boolean }).labStorageFullForTests = on), full);
}

async function ready(page: Page, start: string | RegExp = 'Start the lab') {
  await page.getByRole('button', { name: start }).click();
  await expect(page.locator('[data-lab-status]')).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
}

async function add(page: Page, card: number, files: ReturnType<typeof drawings>, expected: string) {
  await page.locator('.lab-class').nth(card).locator('input[type="file"]').setInputFiles(files);
  await expect(page.locator('.lab-class .count').nth(card)).toHaveText(expected);
}

test('storage full: the page names how many pictures are not saved, export keeps them, and with room again the next change saves them', async ({ page }) => {
  await page.goto('lab/');
  await ready(page);
  await add(page, 0, drawings(0, 2), '2 examples');
  await expect(storage(page)).toContainText('Saved in this browser: the lab takes');

  await storageFull(page, true);
  await add(page, 1, drawings(1, 3), '3 examples');
  await expect(storage(page)).toContainText('3 pictures are not saved in this browser: this browser’s storage for the site is full (QuotaExceededError). They stay in this tab, and Export keeps them');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { classes: Array<{ examples: unknown[] }> };
  expect(file.classes.map((c) => c.examples.length)).toEqual([2, 3]);

  // Room again: the next change (a rename) saves the three with it.
  await storageFull(page, false);
  const name = page.locator('.lab-class').nth(1).getByRole('textbox', { name: 'Class name' });
  await name.fill('Triangles later');
  await name.press('Tab');
  await expect(storage(page)).toContainText('Saved in this browser: the lab takes');
  await page.reload();
  await ready(page, 'Resume your lab (2 classes, 5 examples)');
  await expect.poll(() => counts(page)).toEqual(['2 examples', '3 examples']);
});

test('two tabs on one lab: each takes the other’s saves, even made at the same moment, and none drops the other’s pictures', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto('lab/');
  await ready(a);
  await add(a, 0, drawings(0, 2), '2 examples');
  await b.goto('lab/');
  await ready(b, 'Resume your lab (2 classes, 2 examples)');

  await add(a, 1, drawings(1, 1), '1 example');
  await expect.poll(() => counts(b)).toEqual(['2 examples', '1 example']);
  await expect(storage(b)).toContainText('This lab was saved in another tab; this tab now shows it as saved there.');
  await add(b, 0, drawings(0, 2), '4 examples');
  await expect.poll(() => counts(a)).toEqual(['4 examples', '1 example']);

  // Both at once: whichever saves second takes the first's lab with its own pictures.
  await Promise.all([a.locator('.lab-class').nth(1).locator('input[type="file"]').setInputFiles(drawings(1, 2)), b.locator('.lab-class').nth(0).locator('input[type="file"]').setInputFiles(drawings(0, 2))]);
  for (const tab of [a, b]) await expect.poll(() => counts(tab), { timeout: 15_000 }).toEqual(['6 examples', '3 examples']);
  await a.reload();
  await ready(a, 'Resume your lab (2 classes, 9 examples)');
  await expect.poll(() => counts(a)).toEqual(['6 examples', '3 examples']);
});

test('a reload in the middle of a folder import keeps what was added; the next start names how many files were not, and picking the folder again adds only those', async ({ page }) => {
  const root = join(mkdtempSync(join(tmpdir(), 'lab-import-')), 'shapes');
  writeClassFolders(root, 3, 200);
  await page.goto('lab/');
  await ready(page);
  await page.locator('[data-lab-folder]').setInputFiles(root);
  // Past the second save (every 50 pictures), well before the end.
  await page.waitForFunction(() => Number(/Adding pictures from folders: (\d+) of 600/.exec(document.querySelector('[data-lab-status]')?.textContent ?? '')?.[1] ?? 0) >= 120, undefined, { polling: 'raf', timeout: 60_000 });
  await page.reload();

  // The classes reached so far (a folder becomes a class when its turn comes).
  const resume = page.getByRole('button', { name: /^Resume your lab \(\d+ class(es)?, \d+ examples\)$/ });
  const kept = Number(/(\d+) examples/.exec((await resume.textContent()) ?? '')![1]);
  expect(kept).toBeGreaterThanOrEqual(100);
  expect(kept).toBeLessThan(600);
  expect(kept % 50).toBe(0);
  await ready(page, /^Resume your lab/);
  await expect(storage(page)).toContainText(`The import from “shapes” did not finish (the page was reloaded or closed): ${600 - kept} of its 600 files were not imported.`);
  await expect(page.getByRole('button', { name: 'Pick “shapes” again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Forget it' })).toBeVisible();
  expect((await counts(page)).reduce((n, c) => n + Number.parseInt(c, 10), 0)).toBe(kept);

  // The button opens the folder picker; the test hands the input the same folder, as the picker would.
  await page.locator('[data-lab-folder]').setInputFiles(root);
  await expect.poll(() => counts(page), { timeout: 60_000 }).toEqual(['200 examples', '200 examples', '200 examples']);
  await expect(storage(page)).not.toContainText('did not finish');
});
