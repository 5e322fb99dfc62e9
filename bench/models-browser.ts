/**
 * Embedding latency in headless Chromium, one photo at a time (a live
 * prediction), at the lab's input sizes:
 * - each model of models/ on onnxruntime-web WASM with 1 and 2 threads (and WebGPU when Chromium offers an adapter);
 * - the peer comparison: the photo model's original TensorFlow.js graph (@vladmandic/human's centernet.json,
 *   run to the same two taps and averaged the same way) on TensorFlow.js WASM (1 and 2 threads) and CPU,
 *   on the same pixels in the same browser and run, with the ratio and how close the embeddings are.
 * Writes bench/results/models-browser.json; prints a table (or JSON with --json).
 *
 *   npm run bench:models-browser
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import config from '../playwright.config.ts';
import { loosenInput, withExactSixth, type GraphJson } from '../src/lib/eval/centernet-graph.ts';
import { MODEL_IDS } from '../src/lib/models/catalog.ts';
import { modelsBrowserBenchSchema, ORIGINAL_PHOTO_GRAPH } from '../src/schemas/bench-models-browser.ts';

const OUT = 'build/bench-browser/';
const PORT = 4393;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(`${OUT}centernet`, { recursive: true });
await build({ entryPoints: ['bench/browser/entry.ts'], bundle: true, splitting: true, format: 'esm', outdir: OUT, platform: 'browser', target: 'es2022', logLevel: 'warning' });
copyFileSync('bench/browser/index.html', `${OUT}index.html`);
copyFileSync('tests/fixtures/photos/chelsea.png', `${OUT}photo.png`);
cpSync('models', `${OUT}models`, { recursive: true });
copyFileSync('node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', `${OUT}ort-wasm-simd-threaded.wasm`);
for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${file}`, `${OUT}${file}`);
// The graph as the parity test uses it: input size loosened (the stock graph is fixed at 512), hard-swish's 1/6 exact.
const graph = JSON.parse(readFileSync('node_modules/@vladmandic/human/models/centernet.json', 'utf8')) as GraphJson;
loosenInput(graph);
writeFileSync(`${OUT}centernet/centernet.bin`, withExactSixth(graph, readFileSync('node_modules/@vladmandic/human/models/centernet.bin')));
graph.weightsManifest[0]!.paths = ['centernet.bin'];
writeFileSync(`${OUT}centernet/model.json`, JSON.stringify(graph));

const server = spawn(process.execPath, ['scripts/serve-static.mjs', OUT, String(PORT), '/', '--isolated'], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));

interface Row {
  runtime: string;
  backend: string;
  threads: number;
  requestedThreads?: number;
  model: string;
  inputSize: number;
  medianMs: number;
  p90Ms: number;
}
const rows: Row[] = [];
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));

/** A fresh page per configuration: thread counts are fixed once a runtime starts. */
async function onPage<T>(browser: Browser, run: string, args: unknown[]): Promise<T> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => 'bench' in window);
  const result = await page.evaluate(([name, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => Promise<unknown>> }).bench[name as string]!(...(a as unknown[])), [run, args] as const);
  await page.close();
  return result as T;
}

const browser = await chromium.launch(config.use!.launchOptions);
let parity: { cosine: number; maxAbsDifference: number } | undefined;
let webgpu = 'no WebGPU adapter in headless Chromium on this machine (launched with --disable-gpu); not measured';
try {
  const probe = await browser.newPage();
  await probe.goto(`http://127.0.0.1:${PORT}/`);
  if (await probe.evaluate(async () => Boolean(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()))) webgpu = 'adapter found';
  await probe.close();
  let photoInput: number[] = [];
  let ortEmbedding: number[] = [];
  for (const model of MODEL_IDS) {
    for (const threads of [1, 2]) {
      const r = await onPage<{ medianMs: number; p90Ms: number; embedding: number[]; input: number[]; inputSize: number }>(browser, 'runOrt', [model, threads, ITERATIONS]);
      rows.push({ runtime: 'onnxruntime-web 1.30', backend: 'WASM (SIMD)', threads, model, inputSize: r.inputSize, medianMs: r.medianMs, p90Ms: r.p90Ms });
      if (model === 'photo-mobilenetv3') [photoInput, ortEmbedding] = [r.input, r.embedding];
    }
  }
  for (const [backend, threads] of [['wasm', 1], ['wasm', 2], ['cpu', 1]] as const) {
    const r = await onPage<{ medianMs: number; p90Ms: number; embedding: number[]; threadsUsed: number }>(browser, 'runTfjs', [backend, threads, ITERATIONS, photoInput, 224]);
    rows.push({ runtime: 'TensorFlow.js 4.22 (centernet.json)', backend: backend === 'wasm' ? 'WASM (SIMD)' : 'CPU (JavaScript)', threads: r.threadsUsed, requestedThreads: threads, model: ORIGINAL_PHOTO_GRAPH, inputSize: 224, medianMs: r.medianMs, p90Ms: r.p90Ms });
    if (backend === 'wasm' && threads === 1) parity = { cosine: cosine(ortEmbedding, r.embedding), maxAbsDifference: Math.max(...r.embedding.map((x, i) => Math.abs(x - ortEmbedding[i]!))) };
  }
} finally {
  await browser.close();
  server.kill();
}

const find = (runtime: string, backend: string, threads: number) =>
  rows.find((r) => r.runtime.startsWith(runtime) && r.backend === backend && (r.requestedThreads ?? r.threads) === threads && r.inputSize === 224 && r.model.startsWith('photo'));
const ratios = [1, 2].map((threads) => {
  const ours = find('onnxruntime', 'WASM (SIMD)', threads);
  const theirs = find('TensorFlow', 'WASM (SIMD)', threads);
  return { threads, onnxruntimeMs: ours?.medianMs, tfjsWasmMs: theirs?.medianMs, ratio: ours && theirs ? ours.medianMs / theirs.medianMs : undefined };
});
const machine = `${cpus()[0]?.model}, ${cpus().length} cores; ${await (async () => (await chromium.launch(config.use!.launchOptions).then(async (b) => { const v = b.version(); await b.close(); return `Chromium ${v}`; })))()}`;
const result = modelsBrowserBenchSchema.parse({ generatedBy: 'npm run bench:models-browser', date: new Date().toISOString(), machine, iterations: ITERATIONS, webgpu, rows, peerComparison: { ratios, target: 'onnxruntime-web ≤ 0.8 × TensorFlow.js WASM at 224', embeddingParity: parity } });
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/models-browser.json', JSON.stringify(result, null, 2) + '\n');
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
else {
  console.table(rows.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(2), p90Ms: r.p90Ms.toFixed(2) })));
  console.table(ratios.map((r) => ({ ...r, ratio: r.ratio?.toFixed(2) })));
  console.log('embedding parity (ONNX vs TF.js graph, same pixels):', parity, '\nWebGPU:', webgpu);
}
