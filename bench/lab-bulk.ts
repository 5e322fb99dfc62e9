/**
 * bench:lab's bulk run (`npm run bench:lab -- --bulk`, or `--bulk-only` for
 * this alone): 20 classes × 500 drawings (10,000 PNG files, written once by
 * tests/fixtures/lab-pictures.ts) picked as one folder with Chromium's folder
 * picker (bench/opfs-folder.ts). It measures the
 * import with its progress, the main thread's longest task throughout, how
 * many thumbnails are in the DOM, the memory of the page with its workers
 * (performance.measureUserAgentSpecificMemory), save → reload → resume, and
 * export as a zip → clear → import, each checked lossless against the JSON
 * export (the same classes, ids, pictures and embeddings).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { writeClassFolders } from '../tests/fixtures/lab-pictures.ts';
import type { LabBulk } from '../src/schemas/bench-lab.ts';
import { pickerAnswersWith } from './opfs-folder.ts';
import { longTasksSince, pageNow, printLongFrames, watchLongTasks } from './long-tasks.ts';

/** The full run: 20 classes × 500 drawings. The smoke run (bench/smoke.ts) passes a small one. */
export const BULK_SIZE = { classes: 20, perClass: 500 };

/** The drawings as class folders under a temporary folder, written once per size (bench/lab-scale.ts picks them too). */
export function pictures({ classes, perClass }: typeof BULK_SIZE): string {
  const dir = join(tmpdir(), `metric-atlas-bench-${classes}x${perClass}`);
  if (!existsSync(join(dir, 'done'))) {
    writeClassFolders(join(dir, 'shapes'), classes, perClass);
    writeFileSync(join(dir, 'done'), '');
  }
  return join(dir, 'shapes');
}

const memoryMB = (page: Page) => page.evaluate(async () => +((await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }).measureUserAgentSpecificMemory()).bytes / 2 ** 20).toFixed(1));
const allLoaded = (page: Page, { classes, perClass }: typeof BULK_SIZE) =>
  page.waitForFunction(([n, classes]) => [...document.querySelectorAll('.lab-class .count')].filter((c) => c.textContent === `${n} examples`).length === classes, [perClass, classes], { timeout: 900_000, polling: 500 });
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('metric-atlas-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('lab').objectStore('lab').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.filter((k) => String(k).startsWith('example:')).length);
        };
      }),
  );

async function download(page: Page, button: string): Promise<Buffer> {
  const event = page.waitForEvent('download', { timeout: 600_000 });
  await page.getByRole('button', { name: button }).click();
  return readFileSync(await (await event).path());
}

/** The lab's classes as the JSON export has them (ids, names, pictures, embeddings), hashed. */
async function fingerprint(page: Page): Promise<string> {
  const lab = JSON.parse((await download(page, 'Export to a file')).toString('utf8'));
  return createHash('sha256').update(JSON.stringify([lab.classes, lab.method])).digest('hex');
}

/** Records the import's progress lines (again after each reload), beside the long tasks (bench/long-tasks.ts). */
async function watch(page: Page) {
  await watchLongTasks(page);
  await page.evaluate(() => {
    const w = window as unknown as { progress: Set<string> };
    w.progress = new Set();
    const status = document.querySelector('[data-lab-status]')!;
    new MutationObserver(() => /Adding pictures from folders: \d+ of/.test(status.textContent ?? '') && w.progress.add(status.textContent!)).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

export async function runBulk(browser: Browser, origin: string, size = BULK_SIZE): Promise<LabBulk> {
  const { classes: CLASSES, perClass } = size;
  const TOTAL = CLASSES * perClass;
  const folder = pictures(size);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${origin}/lab/`);
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await page.locator('.lab-class').nth(1).waitFor({ timeout: 60_000 });
  // Chromium has showDirectoryPicker, so "Pick a folder" opens it, as for a visitor; it answers with the folder copied into the origin's file system first.
  const copied = await pickerAnswersWith(page, folder);
  if (copied !== TOTAL) throw new Error(`${copied} of ${TOTAL} files reached the page's file system`);
  await watch(page);
  // The copy into the page's file system above is set-up, and so is opening the lab: their long tasks are not the import's.
  const setUpTasks = (await longTasksSince(page)).map((t) => t.ms);
  console.log('bulk set-up (not counted):', { longTasks: setUpTasks.length, longestMs: Math.max(0, ...setUpTasks) });
  const clicked = await pageNow(page);
  const t0 = Date.now();
  await page.getByText('Add classes from a folder').click();
  await allLoaded(page, size);
  const importMs = Date.now() - t0;
  const progressUpdates = await page.evaluate(() => (window as unknown as { progress: Set<string> }).progress.size);
  // Cards near the view fill a few per task once the counts are in (class-list.ts): their thumbnails are counted then.
  await page.locator('.thumbnails li').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  const thumbnailsInDom = await page.locator('.thumbnails li').count();
  const memoryAfterImport = await memoryMB(page);
  const longTasks = (await longTasksSince(page, clicked)).map((t) => t.ms);
  const importTasks = { longestMs: Math.max(0, ...longTasks), over100ms: longTasks.filter((d) => d > 100).length };
  const before = await fingerprint(page);
  console.log('bulk import:', { importMs, progressUpdates, thumbnailsInDom, memoryAfterImport, importTasks });
  await printLongFrames(page, 'bulk import', clicked);

  // Saved as it changed: wait until every example is in IndexedDB, then reload and resume.
  for (let i = 0; i < 600 && (await stored(page)) < TOTAL; i++) await page.waitForTimeout(1000);
  const t1 = Date.now();
  await page.reload();
  await watch(page);
  const reloaded = await pageNow(page);
  await page.getByRole('button', { name: `Resume your lab (${CLASSES} classes, ${TOTAL} examples)` }).click({ timeout: 120_000 });
  await allLoaded(page, size);
  const resumeMs = Date.now() - t1;
  const afterReload = await fingerprint(page);
  console.log('bulk resume:', { resumeMs, lossless: afterReload === before });

  const t2 = Date.now();
  const zip = await download(page, 'Export as a zip of folders');
  const exportZipMs = Date.now() - t2;
  const manifestBytes = unzipSync(new Uint8Array(zip), { filter: (f) => f.name === 'manifest.json' })['manifest.json']!.length;
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await page.locator('.lab-class .count', { hasText: 'No examples yet.' }).first().waitFor();
  const t3 = Date.now();
  // Picked from the disk as a visitor picks it: a buffer given to setInputFiles is decoded by a script on the page's
  // main thread (the bench's work, not the lab's: a task of 1.3–2.7 s with this 12 MB zip).
  const zipFile = join(mkdtempSync(join(tmpdir(), 'metric-atlas-zip-')), 'lab.zip');
  writeFileSync(zipFile, zip);
  await page.locator('[data-lab-import]').setInputFiles(zipFile);
  await page.locator('[data-lab-file-status]', { hasText: 'Imported lab.zip' }).waitFor({ timeout: 900_000 });
  await allLoaded(page, size);
  const importZipMs = Date.now() - t3;
  const afterZip = await fingerprint(page);
  const memoryAtEnd = await memoryMB(page);
  longTasks.push(...(await longTasksSince(page)).map((t) => t.ms));
  await printLongFrames(page, 'bulk, after the reload', reloaded);
  await context.close();
  return {
    classes: CLASSES,
    pictures: TOTAL,
    pickedWith: 'showDirectoryPicker',
    importMs,
    importLongestTaskMs: importTasks.longestMs,
    importTasksOver100ms: importTasks.over100ms,
    progressUpdates,
    thumbnailsInDom,
    memoryMB: { afterImport: memoryAfterImport, atEnd: memoryAtEnd },
    longestTaskMs: Math.max(0, ...longTasks),
    tasksOver100ms: longTasks.filter((d) => d > 100).length,
    resumeMs,
    losslessAfterReload: afterReload === before,
    exportZipMs,
    zipMB: +(zip.length / 2 ** 20).toFixed(2),
    manifestMB: +(manifestBytes / 2 ** 20).toFixed(2),
    importZipMs,
    losslessAfterZip: afterZip === before,
  };
}
