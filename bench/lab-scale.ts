/**
 * The lab at scale, on the cross-origin isolated server (performance.measureUserAgentSpecificMemory needs it):
 * `classes` × `perClass` drawings added with the buttons, then predictions in a row and export/import round
 * trips, with main-thread long tasks, memory of the page and its workers, and whether results stay identical.
 */
import type { Browser, Page } from '@playwright/test';
import type { LabBench, LabBenchRow } from '../src/schemas/bench-lab.ts';
import { modelOfKind } from '../src/lib/models/catalog.ts';

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

export async function runScale(browser: Browser, site: string, { classes, perClass, predictions, roundTrips }: ScaleSize): Promise<{ rows: LabBenchRow[]; scale: NonNullable<LabBench['scale']> }> {
  const rows: LabBenchRow[] = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  // On the isolated server: performance.measureUserAgentSpecificMemory (page and workers) needs cross-origin isolation.
  await page.goto(`${site}/lab/`);
  const { presets } = (await (await fetch(`${site}/lab/presets.json`)).json()) as { presets: Array<{ model: string; classes: Array<{ images: string[] }> }> };
  const drawings = presets.find((p) => p.model === SKETCH)!.classes.flatMap((c) => c.images).map((url) => Buffer.from(url.split(',')[1]!, 'base64'));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await page.locator('.lab-class').nth(1).waitFor({ timeout: 60_000 });
  const startedAt = Date.now();
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  for (let c = 2; c < classes; c++) {
    await page.getByRole('button', { name: 'Add a class' }).click();
    await page.locator('.lab-class').nth(c).waitFor();
  }
  for (let c = 0; c < classes; c++) {
    const files = Array.from({ length: perClass }, (_, i) => ({ name: `c${c}-${i}.png`, mimeType: 'image/png', buffer: drawings[(c * 7 + i) % drawings.length]! }));
    const card = page.locator('.lab-class').nth(c);
    await card.locator('input[type="file"]').setInputFiles(files);
    await card.locator('.count', { hasText: `${perClass} examples` }).waitFor({ timeout: 60_000 });
  }
  const addedMs = Date.now() - startedAt;
  const t = Date.now();
  await askThree(page, drawings);
  const predictMs = Date.now() - t;
  const { longTasks, heap } = await page.evaluate(() => ({
    longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  }));
  rows.push({ task: `${classes} classes × ${perClass} drawings added (${(classes * perClass).toLocaleString('en')} embeddings)`, model: SKETCH, isolated: true, ms: addedMs });
  rows.push({ task: `3 queries against ${classes} classes × ${perClass} → predictions and map shown`, model: SKETCH, isolated: true, ms: predictMs });

  // Stress: 1,000 predictions in a row (each a change of the distance, which recomputes from the cached embeddings
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
  const scale = {
    longTasksOver50ms: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
    pageHeapMB: +(heap / 2 ** 20).toFixed(1),
    memoryMB: { afterSetup: memoryAfterSetup, afterPredictions: memoryAfterPredictions, afterRoundTrips: memoryAfterRoundTrips },
    identicalAfterPredictions,
    identicalAfterRoundTrips,
  };
  await context.close();
  return { rows, scale };
}
