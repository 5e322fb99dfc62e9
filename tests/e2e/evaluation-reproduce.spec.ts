/**
 * "Run this row in my browser" on /evaluation/ (issue 25): a small row
 * reproduced exactly in Chromium, a photo network's row measured, a run
 * cancelled, and the new controls accessible and laid out without overlap.
 * The reproduction times are printed (the closing note quotes them).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import evaluationsJson from '../../src/data/evaluations.json' with { type: 'json' };
import { BASELINE, rowKey, taskKey } from '../../src/lib/eval/summary';
import { evaluationsSchema } from '../../src/schemas/evaluations';
import { readdirSync } from 'node:fs';
import { SITE, SITE_ISOLATED } from '../../playwright.config';
import { loadDataset, loadModelInNode, RAW_PIXELS } from '../../src/lib/eval/node';
import { retrievalRows } from '../../src/lib/eval/retrieval-rows';
import { embedDataset } from '../../src/lib/eval/run';
import { splitDataset } from '../../src/lib/eval/session-episodes';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';
import type { RetrievalRequest, RowReply } from '../../src/lib/eval-browser/messages';

const evaluations = evaluationsSchema.parse(evaluationsJson);
const printed = (accuracy: number, ci95: number) => `${(100 * accuracy).toFixed(1)} ± ${(100 * ci95).toFixed(1)}`;
const baselineRows = (model: string, dataset: string) =>
  evaluations.results.filter((r) => r.head === undefined && r.model === model && r.dataset === dataset && rowKey(r) === rowKey(BASELINE));

// Anchored, so that photo-kinds is not also photo-kinds-wide.
const section = (page: Page, model: string, dataset: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: new RegExp(`^${model} on ${dataset}(?![\\w-])`) }) });
const runButton = (where: Locator, model: string, dataset: string) => where.getByRole('button', { name: new RegExp(`^Run in my browser: euclidean, [^,]+, ${model} on ${dataset}$`) }).first();

/** Runs the baseline row of a table and returns the result rows and the status line. */
async function reproduce(page: Page, model: string, dataset: string, timeout: number) {
  const where = section(page, model, dataset);
  await expect(where.locator('[data-reproduce]')).toContainText(/downloads .* MB/);
  await runButton(where, model, dataset).click();
  const result = where.locator('[data-result]');
  await expect(result).toBeVisible({ timeout });
  const status = (await where.locator('[data-status]').textContent())!;
  const rows = await result.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
  return { where, status, rows };
}

test('raw pixels on photo-kinds, baseline row: the browser prints the published numbers, identical to the last bit', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('evaluation/');
  const started = Date.now();
  const { status, rows } = await reproduce(page, 'raw-pixels', 'photo-kinds', 100_000);
  const published = baselineRows('raw-pixels', 'photo-kinds');
  console.log(`raw-pixels on photo-kinds, baseline row (${rows.length} tasks, ${published[0]!.episodes} episodes each): ${status} (click to result ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  expect(rows).toEqual(published.map((r) => [taskKey(r), printed(r.accuracy, r.ci95), printed(r.accuracy, r.ci95), 'none: the same number to the last bit']));
  expect(status).toContain('Every printed number matches the published one.');
});

test('a photo network’s row (photo-mobilenetv2-centernet-objectron on photo-kinds) runs on onnxruntime-web in the worker, on the site as served (its headers: CSP, cross-origin isolated), to the last bit', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${SITE_ISOLATED}evaluation/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const { status, rows } = await reproduce(page, 'photo-mobilenetv2-centernet-objectron', 'photo-kinds', 160_000);
  const published = baselineRows('photo-mobilenetv2-centernet-objectron', 'photo-kinds');
  console.log(`photo-mobilenetv2-centernet-objectron on photo-kinds, baseline row (${published[0]!.episodes} episodes per task): ${status}`);
  for (const row of rows) console.log(`  ${row.join(' | ')}`);
  expect(rows.map((r) => r.slice(0, 2))).toEqual(published.map((r) => [taskKey(r), printed(r.accuracy, r.ci95)]));
  // One thread as in Node, even where the page could have more: the same floats.
  expect(rows.map((r) => r.slice(2))).toEqual(rows.map((r) => [r[1], 'none: the same number to the last bit']));
});

test('the sketch network’s largest row (sketch-protonet on glyphs-heldout, every task) reproduces too; its time is printed', async ({ page }) => {
  test.setTimeout(420_000);
  await page.goto('evaluation/');
  const { status, rows } = await reproduce(page, 'sketch-protonet', 'glyphs-heldout', 400_000);
  const published = baselineRows('sketch-protonet', 'glyphs-heldout');
  console.log(`sketch-protonet on glyphs-heldout, baseline row (${published.length} tasks, ${published[0]!.episodes} episodes each): ${status}`);
  for (const row of rows) console.log(`  ${row.join(' | ')}`);
  expect(rows).toEqual(published.map((r) => [taskKey(r), printed(r.accuracy, r.ci95), printed(r.accuracy, r.ci95), 'none: the same number to the last bit']));
});

test('a run can be cancelled from the keyboard; focus goes back to its row’s button', async ({ page }) => {
  await page.goto('evaluation/');
  const where = section(page, 'raw-pixels', 'glyphs-heldout');
  const button = runButton(where, 'raw-pixels', 'glyphs-heldout');
  await button.focus();
  await page.keyboard.press('Enter');
  const cancel = where.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(where.locator('[data-status]')).toHaveText('Cancelled: nothing was measured.');
  await expect(cancel).toBeHidden();
  await expect(button).toBeFocused();
  await expect(where.locator('[data-result]')).toBeHidden();
});

test('the new controls: no accessibility violations in either theme, and nothing overlaps at 360 and 1280 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('evaluation/');
  const { where } = await reproduce(page, 'raw-pixels', 'photo-kinds', 100_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const problems = await where.locator('[data-reproduce]').evaluate((panel) => {
      const parts = [...panel.querySelectorAll<HTMLElement>('p, progress, button, table')].filter((e) => e.getBoundingClientRect().width > 0);
      const boxes = parts.map((e) => ({ name: e.tagName + (e.dataset.status !== undefined ? '[status]' : ''), r: e.getBoundingClientRect() }));
      const out: string[] = [];
      for (const [i, a] of boxes.entries()) {
        if (a.r.right > innerWidth + 0.5) out.push(`${a.name} sticks out`);
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom;
          if (overlap) out.push(`${a.name} overlaps ${b.name}`);
        }
      }
      if (panel.scrollWidth > panel.clientWidth + 1) out.push('the panel scrolls sideways');
      // Wider than the window: what makes the page scroll sideways, if anything does, must not be in this panel.
      for (const e of panel.querySelectorAll<HTMLElement>('*')) if (e.getBoundingClientRect().right > innerWidth + 0.5) out.push(`${e.tagName} reaches past the window`);
      return out;
    });
    expect(problems, `at ${width} px`).toEqual([]);
  }
});

test('the worker’s retrieval (no table has Run buttons for it yet) gives the Node harness’s retrieval row to the last bit in Chromium', async ({ page }) => {
  test.setTimeout(120_000);
  const built = (prefix: string, ext: string) => `${SITE}_astro/${readdirSync('dist/_astro').find((f) => f.startsWith(prefix) && f.endsWith(ext))}`;
  const stamp = evaluations.stamps.find((s) => s.datasets.some((d) => d.id === 'photo-kinds'))!;
  const { files, sha256 } = stamp.datasets.find((d) => d.id === 'photo-kinds')!;
  const common = { base: SITE, kernelsUrl: built('kernels.', '.wasm'), model: RAW_PIXELS, dataset: { id: 'photo-kinds', files, sha256 }, datasetBytes: 1, classes: 'test' as const };
  const requests: RetrievalRequest[] = (['euclidean', 'cosine'] as const).map((metric) => ({ ...common, kind: 'retrieval', metric, normalize: 'l2' }));
  await page.goto('evaluation/');
  const replies = await page.evaluate(
    ({ url, requests }) =>
      Promise.all(
        requests.map(
          (request) =>
            new Promise<RowReply>((resolve) => {
              const worker = new Worker(url, { type: 'module' });
              worker.onmessage = ({ data }: MessageEvent<RowReply>) => data.type !== 'progress' && (resolve(data), worker.terminate());
              worker.postMessage(request);
            }),
        ),
      ),
    { url: built('evaluation.worker-', '.js'), requests },
  );
  const kernels = await loadKernelsInNode();
  const dataset = splitDataset(loadDataset('photo-kinds'), 'test');
  const model = await loadModelInNode(RAW_PIXELS);
  const harness = retrievalRows(kernels, await embedDataset(dataset, model.embedder), model.embedder.card.output.dim, dataset.byClass);
  replies.forEach((reply, i) => {
    expect(reply.type === 'done' && reply.kind === 'retrieval' && reply.result).toEqual(harness.find((r) => r.metric === requests[i]!.metric && r.normalize === 'l2'));
  });
});

test('a retrieval row’s Run button (raw pixels on photo-kinds, Euclidean) prints the published MAP@R, R-precision and Recall@K to the last bit', async ({ page }) => {
  test.setTimeout(120_000);
  expect(evaluations.retrieval?.some((r) => r.model === 'raw-pixels' && r.dataset === 'photo-kinds'), 'evaluations.json has retrieval rows (npm run eval:all)').toBe(true);
  await page.goto('evaluation/');
  const table = page.getByRole('region', { name: 'Retrieval, raw-pixels, photo-kinds' });
  const button = table.getByRole('button', { name: /^Run in my browser: euclidean, .*raw-pixels on photo-kinds$/ }).first();
  const panel = page.locator(`#${await button.getAttribute('data-panel')}`);
  await expect(panel).toContainText(/downloads .* MB/);
  const started = Date.now();
  await button.click();
  await expect(panel.locator('[data-result]')).toBeVisible({ timeout: 100_000 });
  const status = (await panel.locator('[data-status]').textContent())!;
  console.log(`raw-pixels on photo-kinds, retrieval row: ${status} (click to result ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  expect(status).toContain('Every printed number matches the published one.');
});
