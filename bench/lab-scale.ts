/**
 * The lab at scale (issue 23: 200 classes × 20), on the cross-origin isolated server
 * (performance.measureUserAgentSpecificMemory needs it): `classes` × `perClass` drawings added with the buttons
 * ("Add a class", then each card's "Add image files", scrolled to as a visitor would), three queries, predictions
 * in a row and export/import round trips; then the same size picked as one folder in a fresh lab, and three
 * queries again. The main thread's long tasks are read in each phase (adding, predicting), with how many cards
 * were whole (virtualised: only those near the view), memory of the page and its workers, and whether results
 * stay identical.
 */
import type { Browser, Page } from '@playwright/test';
import type { LabBench, LabBenchRow, LabScalePhase } from '../src/schemas/bench-lab.ts';
import { modelOfKind } from '../src/lib/models/catalog.ts';
import { pictures } from './lab-bulk.ts';
import { pickerAnswersWith } from './opfs-folder.ts';
import { longTasksSince, pageNow, printLongFrames, watchLongTasks } from './long-tasks.ts';

/** The drawings' model: the sketch model, whose example set the scale run repeats. */
const SKETCH = modelOfKind('sketch');

export interface ScaleSize {
  classes: number;
  perClass: number;
  predictions: number;
  roundTrips: number;
}

/** Changes the distance `count` times (ending where it started); the mean time until the predictions are redrawn. */
export async function settingChanges(page: Page, count: number): Promise<number> {
  return page.evaluate(async (count) => {
    const results = document.querySelector('[data-lab-results]')!;
    const metric = document.querySelector<HTMLSelectElement>('select[name="metric"]')!;
    const start = metric.value;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const replaced = new Promise<void>((resolve) => new MutationObserver((_, observer) => (observer.disconnect(), resolve())).observe(results, { childList: true }));
      metric.value = i % 2 === 0 ? (start === 'cosine' ? 'euclidean' : 'cosine') : start;
      metric.form!.dispatchEvent(new Event('change'));
      await replaced;
    }
    return +((performance.now() - started) / count).toFixed(1);
  }, count);
}

/** Three drawings as queries; resolves once their three verdicts are rendered (the second and third folded in a details element). */
async function askThree(page: Page, drawings: Buffer[]): Promise<void> {
  await page.locator('.prediction').evaluateAll((cards) => cards.forEach((card) => card.setAttribute('data-shown-before', '')));
  await page.locator('[data-lab-query-files]').setInputFiles(drawings.slice(0, 3).map((buffer, i) => ({ name: `q${i}.png`, mimeType: 'image/png', buffer })));
  await page.locator('.prediction:not([data-shown-before])').nth(2).waitFor({ state: 'attached' });
}

/**
 * Runs one phase and reads the long tasks it caused: those that started once it began (an earlier task reported
 * late, such as the set-up's, is not the phase's), including those still being reported a moment after it ends.
 */
async function phase(page: Page, name: LabScalePhase['phase'], run: () => Promise<void>): Promise<LabScalePhase> {
  const since = await pageNow(page);
  const t = Date.now();
  await run();
  const ms = Date.now() - t;
  await page.waitForTimeout(200);
  const tasks = await longTasksSince(page, since);
  const longTasks = tasks.map((task) => task.ms);
  if (tasks.some((task) => task.ms > 100)) console.log(`scale: ${name}: tasks over 100 ms (ms after the phase began → ms):`, tasks.filter((task) => task.ms > 100).map((task) => [Math.round(task.start - since), Math.round(task.ms)]));
  await printLongFrames(page, `scale: ${name}`, since);
  const [classes, cardsWhole] = await Promise.all([page.locator('.lab-class').count(), page.locator('.lab-class[data-filled]').count()]);
  const result = { phase: name, ms, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks), tasksOver100ms: longTasks.filter((d) => d > 100).length, classes, cardsWhole };
  console.log('scale:', result);
  return result;
}

/** Every class shows `perClass` examples (every card has its count, whole or not). */
const allCounted = (page: Page, classes: number, perClass: number) =>
  page.waitForFunction(([n, classes]) => [...document.querySelectorAll('.lab-class .count')].filter((c) => c.textContent === `${n} examples`).length === classes, [perClass, classes], { timeout: 900_000, polling: 500 });

export async function runScale(browser: Browser, site: string, { classes, perClass, predictions, roundTrips }: ScaleSize): Promise<{ rows: LabBenchRow[]; scale: NonNullable<LabBench['scale']> }> {
  const rows: LabBenchRow[] = [];
  const phases: LabScalePhase[] = [];
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${site}/lab/`);
  const { presets } = (await (await fetch(`${site}/lab/presets.json`)).json()) as { presets: Array<{ model: string; classes: Array<{ images: string[] }> }> };
  const drawings = presets.find((p) => p.model === SKETCH)!.classes.flatMap((c) => c.images).map((url) => Buffer.from(url.split(',')[1]!, 'base64'));
  await watchLongTasks(page);
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await page.locator('.lab-class').nth(1).waitFor({ timeout: 60_000 });
  phases.push(
    await phase(page, 'adding by button', async () => {
      for (let c = 2; c < classes; c++) {
        await page.getByRole('button', { name: 'Add a class' }).click();
        await page.locator('.lab-class').nth(c).waitFor({ state: 'attached' });
      }
      for (let c = 0; c < classes; c++) {
        const files = Array.from({ length: perClass }, (_, i) => ({ name: `c${c}-${i}.png`, mimeType: 'image/png', buffer: drawings[(c * 7 + i) % drawings.length]! }));
        const card = page.locator('.lab-class').nth(c);
        // Only cards near the view are whole (the rest are virtualised): scrolled to, as a visitor would.
        await card.scrollIntoViewIfNeeded();
        await card.locator('input[type="file"]').setInputFiles(files);
        await card.locator('.count', { hasText: `${perClass} examples` }).waitFor({ timeout: 60_000 });
      }
    }),
  );
  phases.push(await phase(page, 'predicting (button-made lab)', () => askThree(page, drawings)));
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const [added, predicted] = phases as [LabScalePhase, LabScalePhase];
  rows.push({ task: `${classes} classes × ${perClass} drawings added with the buttons (${(classes * perClass).toLocaleString('en')} embeddings)`, model: SKETCH, isolated: true, ms: added.ms });
  rows.push({ task: `3 queries against ${classes} classes × ${perClass} → predictions and map shown`, model: SKETCH, isolated: true, ms: predicted.ms });

  // Stress: predictions in a row (each a change of the distance, which recomputes from the cached embeddings
  // and redraws predictions and map), then export/import round trips; memory of the page and its workers after each.
  const memoryMB = () => page.evaluate(async () => +((await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }).measureUserAgentSpecificMemory()).bytes / 2 ** 20).toFixed(1));
  const shown = () => page.locator('.prediction').evaluateAll((cards) => cards.map((card) => card.textContent));
  const before = await shown();
  const memoryAfterSetup = await memoryMB();
  const t1 = Date.now();
  await settingChanges(page, predictions);
  await page.waitForTimeout(500);
  const predictionsMs = Date.now() - t1;
  const identicalAfterPredictions = JSON.stringify(await shown()) === JSON.stringify(before);
  const memoryAfterPredictions = await memoryMB();
  const t2 = Date.now();
  for (let i = 0; i < roundTrips; i++) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to a file' }).click();
    const file = await (await download).path();
    await page.locator('[data-lab-file-status]').evaluate((status) => (status.textContent = ''));
    await page.locator('[data-lab-import]').setInputFiles(file);
    await page.locator('[data-lab-file-status]', { hasText: /Imported .* \d+ classes\./ }).waitFor({ timeout: 60_000 }).catch(async (error) => {
      throw new Error(`round trip ${i + 1}: ${await page.locator('[data-lab-file-status]').textContent()} / ${await page.getByRole('status').first().textContent()}`, { cause: error });
    });
  }
  const roundTripsMs = Date.now() - t2;
  await askThree(page, drawings);
  await page.waitForTimeout(500);
  const identicalAfterRoundTrips = JSON.stringify(await shown()) === JSON.stringify(before);
  const memoryAfterRoundTrips = await memoryMB();
  rows.push({ task: `${predictions} predictions in a row (${classes} × ${perClass}, 3 queries, map)`, model: SKETCH, isolated: true, ms: predictionsMs });
  rows.push({ task: `${roundTrips} export → import round trips (${classes} × ${perClass})`, model: SKETCH, isolated: true, ms: roundTripsMs });

  await context.close();

  // The same size as one folder, in a fresh lab (a context of its own: nothing saved, no other tab): one class per folder.
  const folderContext = await browser.newContext();
  const folder = await folderContext.newPage();
  await folder.goto(`${site}/lab/`);
  await watchLongTasks(folder);
  await folder.getByRole('button', { name: 'Start the lab' }).click();
  await folder.locator('.lab-class').nth(1).waitFor({ timeout: 60_000 });
  // Picked as a visitor's Chromium picks it: "Add classes from a folder" opens showDirectoryPicker, answered with the
  // folder copied into the page's file system first (set-up, before the phase). Until c12914f the files were set on
  // the webkitdirectory input, a path Chromium's visitors never take (its longest task there: 854 ms).
  await pickerAnswersWith(folder, pictures({ classes, perClass }));
  phases.push(
    await phase(folder, 'adding by folder', async () => {
      await folder.getByText('Add classes from a folder').click();
      await allCounted(folder, classes, perClass);
    }),
  );
  phases.push(await phase(folder, 'predicting (folder-made lab)', () => askThree(folder, drawings)));
  rows.push({ task: `${classes} classes × ${perClass} drawings picked as one folder`, model: SKETCH, isolated: true, ms: phases[2]!.ms });
  await folderContext.close();
  const scale = {
    classes,
    perClass,
    phases,
    // Over the adding and predicting phases (the stress in between is timed, not watched).
    longTasksOver50ms: phases.reduce((n, p) => n + p.longTasks, 0),
    longestTaskMs: Math.max(0, ...phases.map((p) => p.longestTaskMs)),
    pageHeapMB: +(heap / 2 ** 20).toFixed(1),
    memoryMB: { afterSetup: memoryAfterSetup, afterPredictions: memoryAfterPredictions, afterRoundTrips: memoryAfterRoundTrips },
    identicalAfterPredictions,
    identicalAfterRoundTrips,
  };
  return { rows, scale };
}
