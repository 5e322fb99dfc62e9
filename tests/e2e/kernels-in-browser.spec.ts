import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';

/**
 * The kernels and their wrapper, bundled as the site will bundle them, run in
 * Chromium on the main thread and in a Web Worker, and must give exactly what
 * they give in Node: the same WASM, the same inputs, the same floats.
 */
const wasm = Array.from(readFileSync(new URL('../../build/kernels.wasm', import.meta.url)));
const bundle = (
  await build({
    entryPoints: [new URL('../../src/lib/kernels/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'MetricAtlasKernels',
    write: false,
    platform: 'browser',
  })
).outputFiles[0]!.text;

const wave = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed + i * 1.37) + 0.2 * Math.cos(i * seed));
const CASE = { supports: wave(9 * 37, 1), labels: [0, 1, 2, 0, 1, 2, 0, 1, 2], queries: wave(4 * 37, 2), dim: 37 };

/** The call under test, as source: the same text runs in Node, on the page and in a worker. */
const CLASSIFY_SOURCE = `async (bytes, c, metric) => {
  const kernels = await MetricAtlasKernels.instantiateKernels(new Uint8Array(bytes));
  const r = kernels.classify({
    supports: { data: Float32Array.from(c.supports), rows: 9, cols: c.dim },
    labels: c.labels,
    classes: 3,
    queries: { data: Float32Array.from(c.queries), rows: 4, cols: c.dim },
    metric,
    normalization: 'cl2n',
    refineIterations: 2,
  });
  return { probabilities: Array.from(r.probabilities.data), predicted: Array.from(r.predicted), threshold: r.calibration.threshold };
}`;

for (const metric of ['euclidean', 'cosine', 'snr', 'poincare'] as const) {
  test(`${metric}: the kernels give the same results in Chromium, on the main thread and in a worker, as in Node`, async ({ page }) => {
    await page.goto('');
    await page.addScriptTag({ content: bundle });
    (globalThis as Record<string, unknown>).MetricAtlasKernels = await import('../../src/lib/kernels/index.ts');
    const expected = await (0, eval)(CLASSIFY_SOURCE)(wasm, CASE, metric);

    const mainThread = await page.evaluate(
      ({ source, bytes, c, metric }) => (0, eval)(source)(bytes, c, metric),
      { source: CLASSIFY_SOURCE, bytes: wasm, c: CASE, metric },
    );
    expect(mainThread).toEqual(expected);

    const inWorker = await page.evaluate(
      ({ bundle, source, bytes, c, metric }) =>
        new Promise((resolve, reject) => {
          const code = `${bundle}\nconst classify = ${source};\nonmessage = async (e) => postMessage(await classify(...e.data));`;
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage([bytes, c, metric]);
        }),
      { bundle, source: CLASSIFY_SOURCE, bytes: wasm, c: CASE, metric },
    );
    expect(inWorker).toEqual(expected);
  });
}

test('a bad input fails in the browser with the same clear error', async ({ page }) => {
  await page.goto('');
  await page.addScriptTag({ content: bundle });
  const message = await page.evaluate(async (bytes) => {
    const kernels = await (window as unknown as { MetricAtlasKernels: typeof import('../../src/lib/kernels/index.ts') }).MetricAtlasKernels.instantiateKernels(new Uint8Array(bytes));
    try {
      kernels.distances('euclidean', { data: new Float32Array(8), rows: 2, cols: 4 }, { data: new Float32Array(6), rows: 2, cols: 3 });
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    }
  }, wasm);
  expect(message).toMatch(/Dimension mismatch/);
});
