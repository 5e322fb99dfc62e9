/**
 * Lab timings in headless Chromium against the built site (run `npm run build`
 * first): from opening /lab/ to the first prediction of each example set,
 * adding one more photo once the model is warm, whether the page stays
 * responsive with 50 classes × 20 images (main-thread long tasks), and a
 * stress run on that lab: 1,000 predictions and 20 export/import round trips,
 * with the memory of the page and its workers and whether results stay identical. Prints a table, or JSON with
 * --json; writes bench/results/lab.json. With --bulk it also runs 20 classes × 500 drawings imported as a
 * folder (bench/lab-bulk.ts); --bulk-only runs just that and keeps the rest of lab.json as it was.
 *
 *   npm run bench:lab
 *   npm run bench:lab -- --bulk-only
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';
import { DEFAULT_MODEL, MODEL_IDS } from '../src/lib/models/catalog.ts';
import { makeStamp, modelIdsWithFiles, stampedHeader } from '../src/lib/results/stamp.ts';
import { labBenchSchema, type LabBench, type LabBulk } from '../src/schemas/bench-lab.ts';
import { runBulk } from './lab-bulk.ts';

// The same build served twice: plainly (one WASM thread) and cross-origin isolated (threads).
const SERVERS = [
  { port: 4390, isolated: false },
  { port: 4391, isolated: true },
];
const servers = SERVERS.map(({ port, isolated }) =>
  spawn(process.execPath, ['scripts/serve-static.mjs', 'dist', String(port), '/', ...(isolated ? ['--isolated'] : [])], { stdio: 'ignore' }),
);
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch(config.use!.launchOptions);
const cameraBrowser = await chromium.launch({ ...config.use!.launchOptions, args: [...(config.use!.launchOptions!.args ?? []), '--use-fake-device-for-media-stream'] });
const rows: Array<{ task: string; model: string; isolated: boolean; ms: number }> = [];
const live: LabBench['live'] = [];
const LIVE_SECONDS = Number(process.env.LIVE_SECONDS ?? 8);

/** Changes the distance `count` times (ending where it started); the mean time until the predictions are redrawn. */
async function settingChanges(page: import('@playwright/test').Page, count: number): Promise<number> {
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
let scale:
  | {
      longTasksOver50ms: number;
      longestTaskMs: number;
      pageHeapMB: number;
      /** performance.measureUserAgentSpecificMemory: the page with its workers (JS heaps and WASM memories). */
      memoryMB: { afterSetup: number; afterPredictions: number; afterRoundTrips: number };
      identicalAfterPredictions: boolean;
      identicalAfterRoundTrips: boolean;
    }
  | undefined;
const PREDICTIONS = Number(process.env.STRESS_PREDICTIONS ?? 1000);
const BULK_ONLY = process.argv.includes('--bulk-only');
let bulk: LabBulk | undefined;
const ROUND_TRIPS = Number(process.env.STRESS_ROUND_TRIPS ?? 20);
try {
  // On the isolated server: performance.measureUserAgentSpecificMemory needs cross-origin isolation.
  if (BULK_ONLY || process.argv.includes('--bulk')) bulk = await runBulk(browser, `http://127.0.0.1:${SERVERS[1]!.port}`);
  for (const { port } of BULK_ONLY ? [] : SERVERS) {
    for (const model of MODEL_IDS) {
      // A fresh context: nothing cached, as for a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${port}/lab/`);
      await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
      await page.getByRole('button', { name: 'Try an example set' }).click();
      await page.locator('.prediction .verdict').first().waitFor({ timeout: 60_000 });
      rows.push({ task: 'open /lab/ → first prediction of the example set', model, isolated: await page.evaluate(() => crossOriginIsolated), ms: Date.now() - started });
      const file = new URL('../tests/fixtures/photos/coffee.png', import.meta.url).pathname;
      const count = page.locator('.lab-class').first().locator('.count');
      const before = await count.textContent();
      const t = Date.now();
      await page.locator('.lab-class').first().locator('input[type="file"]').setInputFiles(file);
      await page.waitForFunction(([selector, text]) => document.querySelector(selector!)?.textContent !== text, ['.lab-class .count', before] as const);
      await page.locator('.prediction').first().waitFor();
      rows.push({ task: 'add a 451×300 photo → predictions updated (model warm)', model, isolated: await page.evaluate(() => crossOriginIsolated), ms: Date.now() - t });
      rows.push({ task: 'change a setting → 3 predictions and the map updated (mean of 20; nothing re-embedded)', model, isolated: await page.evaluate(() => crossOriginIsolated), ms: await settingChanges(page, 20) });
      await context.close();
    }
  }

  // 50 classes × 20 images: the page must stay responsive (no main-thread task over 50 ms) while they are added and used.
  if (!BULK_ONLY) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // On the isolated server: performance.measureUserAgentSpecificMemory (page and workers) needs cross-origin isolation.
    await page.goto(`http://127.0.0.1:${SERVERS[1]!.port}/lab/`);
    const { presets } = (await (await fetch(`http://127.0.0.1:${SERVERS[1]!.port}/lab/presets.json`)).json()) as { presets: Array<{ model: string; classes: Array<{ images: string[] }> }> };
    const drawings = presets.find((p) => p.model === 'sketch-protonet')!.classes.flatMap((c) => c.images).map((url) => Buffer.from(url.split(',')[1]!, 'base64'));
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await page.locator('.lab-class').nth(1).waitFor({ timeout: 60_000 });
    const startedAt = Date.now();
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    for (let c = 2; c < 50; c++) {
      await page.getByRole('button', { name: 'Add a class' }).click();
      await page.locator('.lab-class').nth(c).waitFor();
    }
    for (let c = 0; c < 50; c++) {
      const files = Array.from({ length: 20 }, (_, i) => ({ name: `c${c}-${i}.png`, mimeType: 'image/png', buffer: drawings[(c * 7 + i) % drawings.length]! }));
      const card = page.locator('.lab-class').nth(c);
      await card.locator('input[type="file"]').setInputFiles(files);
      await card.locator('.count', { hasText: '20 examples' }).waitFor({ timeout: 60_000 });
    }
    const addedMs = Date.now() - startedAt;
    const t = Date.now();
    await page.locator('[data-lab-query-files]').setInputFiles(drawings.slice(0, 3).map((buffer, i) => ({ name: `q${i}.png`, mimeType: 'image/png', buffer })));
    await page.locator('.prediction').nth(2).waitFor();
    const predictMs = Date.now() - t;
    const { longTasks, heap } = await page.evaluate(() => ({
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    }));
    rows.push({ task: '50 classes × 20 drawings added (1,000 embeddings)', model: 'sketch-protonet', isolated: true, ms: addedMs });
    rows.push({ task: '3 queries against 50 classes × 20 → predictions and map shown', model: 'sketch-protonet', isolated: true, ms: predictMs });

    // Stress: 1,000 predictions in a row (each a change of the distance, which recomputes from the cached embeddings
    // and redraws predictions and map), then export/import round trips; memory of the page and its workers after each.
    const memoryMB = () => page.evaluate(async () => +((await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }).measureUserAgentSpecificMemory()).bytes / 2 ** 20).toFixed(1));
    const shown = () => page.locator('.prediction').evaluateAll((cards) => cards.map((card) => card.textContent));
    const before = await shown();
    const memoryAfterSetup = await memoryMB();
    const t1 = Date.now();
    await settingChanges(page, PREDICTIONS);
    await page.waitForTimeout(500);
    const predictionsMs = Date.now() - t1;
    const identicalAfterPredictions = JSON.stringify(await shown()) === JSON.stringify(before);
    const memoryAfterPredictions = await memoryMB();
    const t2 = Date.now();
    for (let i = 0; i < ROUND_TRIPS; i++) {
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
    await page.locator('[data-lab-query-files]').setInputFiles(drawings.slice(0, 3).map((buffer, i) => ({ name: `q${i}.png`, mimeType: 'image/png', buffer })));
    await page.locator('.prediction').nth(2).waitFor();
    await page.waitForTimeout(500);
    const identicalAfterRoundTrips = JSON.stringify(await shown()) === JSON.stringify(before);
    const memoryAfterRoundTrips = await memoryMB();
    rows.push({ task: `${PREDICTIONS} predictions in a row (50 × 20, 3 queries, map)`, model: 'sketch-protonet', isolated: true, ms: predictionsMs });
    rows.push({ task: `${ROUND_TRIPS} export → import round trips (50 × 20)`, model: 'sketch-protonet', isolated: true, ms: roundTripsMs });
    scale = {
      longTasksOver50ms: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks),
      pageHeapMB: +(heap / 2 ** 20).toFixed(1),
      memoryMB: { afterSetup: memoryAfterSetup, afterPredictions: memoryAfterPredictions, afterRoundTrips: memoryAfterRoundTrips },
      identicalAfterPredictions,
      identicalAfterRoundTrips,
    };
    await context.close();
  }

  // Live camera (Chromium's fake camera), photo model, on both servers: verdicts shown per second.
  for (const { port } of BULK_ONLY ? [] : SERVERS) {
    const context = await cameraBrowser.newContext({ permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/lab/`);
    await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet');
    await page.getByRole('button', { name: 'Try an example set' }).click();
    await page.locator('.prediction .verdict').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Turn the camera on' }).click();
    await page.getByRole('checkbox', { name: 'Live: classify the camera continuously' }).check();
    await page.waitForTimeout(2000);
    const count = () => page.locator('[data-lab]').evaluate((root: HTMLElement) => Number(root.dataset.liveVerdicts ?? 0));
    const [first, t0] = [await count(), Date.now()];
    await page.waitForTimeout(LIVE_SECONDS * 1000);
    const [last, t1] = [await count(), Date.now()];
    const threads = await page.locator('[data-lab-status]').evaluate((status) => Number(status.textContent?.match(/(\d+) threads?/)?.[1] ?? 0));
    live.push({ model: 'photo-mobilenetv2-centernet', isolated: await page.evaluate(() => crossOriginIsolated), threads, seconds: (t1 - t0) / 1000, verdicts: last - first, perSecond: +((1000 * (last - first)) / (t1 - t0)).toFixed(1), previousPerSecond: 2.5 });
    await context.close();
  }
} finally {
  await cameraBrowser.close();
  await browser.close();
  for (const server of servers) server.kill();
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const resultsFile = new URL('./results/lab.json', import.meta.url);
// --bulk-only keeps the rest of the last full run.
const kept = BULK_ONLY && existsSync(resultsFile) ? labBenchSchema.parse(JSON.parse(readFileSync(resultsFile, 'utf8'))) : undefined;
const stamp = (models: string[]) => makeStamp({ models: modelIdsWithFiles(models), browser: `Chromium ${browser.version()}`, engine: 'onnxruntime-web, as the built site loads it' });
const result = labBenchSchema.parse({
  ...(kept ?? { ...stampedHeader('npm run bench:lab', stamp([...rows.map((r) => r.model), ...(live ?? []).map((l) => l.model)])), machine: `${cpus()[0]?.model}, ${cpus().length} cores`, rows, live, scale }),
  // The bulk run's drawings go to the lab's default model.
  ...(bulk ? { bulk: { ...bulk, stamp: stamp([DEFAULT_MODEL]) } } : {}),
});
writeFileSync(resultsFile, JSON.stringify(result, null, 2) + '\n');
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
else if (rows.length) {
  console.table(rows);
  console.table(live.map((l) => ({ ...l, 'before (400 ms timer)': `${l.previousPerSecond}/s`, now: `${l.perSecond}/s` })));
  if (scale) console.log('50 × 20:', scale);
}
if (bulk) console.log(`${bulk.classes} × ${bulk.pictures / bulk.classes} as a folder:`, bulk);
