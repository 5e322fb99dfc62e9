/**
 * Embedding latency in headless Chromium, one photo at a time (a live
 * prediction), at the lab's input sizes:
 * - each model of the catalog on onnxruntime-web WASM with 1 and 2 threads;
 * - the peer comparison, on the same pixels in the same browser and run: the photo model's two original
 *   TensorFlow.js graphs (nsfwjs's MobileNetV2 1.4 to its pooled vector; @vladmandic/human's CenterNet to
 *   the same two taps, averaged) on TensorFlow.js WASM (1 and 2 threads asked), against the same networks
 *   as ONNX (the MobileNetV2 branch alone, photo-mobilenetv3, and the lab's model), with the ratios side by
 *   side and how close the embeddings are. The lab's model has a third branch, objectron's, from a TFLite file
 *   with no TensorFlow.js graph: it is timed alone as ONNX, and the whole model is set against the two
 *   TensorFlow.js graphs plus that branch;
 * - onnxruntime-web session options tried on the photo model (one thread), each with its time;
 * - the photo model on the page and in a worker (where the lab runs it), back to back and with a pause before each
 *   run (as a visitor's adds come), so the lab's step timings can be read against these rows.
 * Writes bench/results/models-browser.json; prints tables (or JSON with --json).
 *
 *   npm run bench:models-browser
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import config from '../playwright.config.ts';
import { ensurePackages } from '../scripts/ensure-package.mjs';
import { loosenInput, withExactSixth, type GraphJson } from '../src/lib/eval/centernet-graph.ts';
import { nsfwjsGraphFiles } from '../src/lib/eval/nsfwjs-tfjs.ts';
import { MODELS, modelOfKind, RETIRED_MODEL_IDS } from '../src/lib/models/catalog.ts';
import { full, writeResults } from './smoke.ts';
import { CENTERNET_GRAPH, modelsBrowserBenchSchema, MOBILENETV2_ALONE, NSFWJS_GRAPH, OBJECTRON_ALONE } from '../src/schemas/bench-models-browser.ts';
import { makeStamp, modelIdsWithFiles, stampedHeader } from '../src/lib/results/stamp.ts';

const OUT = 'build/bench-browser/';
const PORT = 4393;
const ITERATIONS = full(Number(process.env.BENCH_ITERATIONS ?? 30), 1);
/** Idle before each timed run in the placement rows: none, and about a visitor's pace between adds. */
const PLACEMENT_GAPS_MS = [0, 400];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(`${OUT}centernet`, { recursive: true });
mkdirSync(`${OUT}nsfwjs`, { recursive: true });
await build({ entryPoints: ['bench/browser/entry.ts', 'bench/browser/ort-embed-worker.ts'], bundle: true, splitting: true, format: 'esm', outdir: OUT, platform: 'browser', target: 'es2022', logLevel: 'warning' });
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
// nsfwjs's graph as a model.json + one .bin (its .min.js shards decoded), and its MobileNetV2 branch alone as ONNX.
const nsfwjs = nsfwjsGraphFiles();
writeFileSync(`${OUT}nsfwjs/weights.bin`, nsfwjs.weights);
writeFileSync(`${OUT}nsfwjs/model.json`, JSON.stringify({ ...nsfwjs.json, weightsManifest: nsfwjs.json.weightsManifest.map((g) => ({ ...g, paths: ['weights.bin'] })) }));
ensurePackages(['python3-numpy', 'python3-onnx']);
execFileSync('/usr/bin/python3', ['training/convert_nsfwjs.py', '--alone', '--out', `${OUT}mobilenetv2-alone.onnx`], { stdio: 'inherit' });
// The lab model's objectron branch as it is built into it (fetches @mediapipe/objectron into training/cache/ the first time).
execFileSync('/usr/bin/python3', ['training/convert_objectron.py', '--size', '224', '--uint8', '--taps', 'conv1', '--out', `${OUT}objectron-alone.onnx`], { stdio: 'inherit' });

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

const PHOTO = modelOfKind('photo');
/** The retired photo model: its CenterNet taps are measured against the TensorFlow.js graph they came from. */
const [TAPS] = RETIRED_MODEL_IDS;
const browser = await chromium.launch(config.use!.launchOptions);
let parity: { cosine: number; maxAbsDifference: number } | undefined;
const ortOptions: Array<{ option: string; network: string; threads: number; medianMs: number }> = [];
const placement: Array<{ where: 'page' | 'worker'; threads: number; gapMs: number; medianMs: number; p90Ms: number }> = [];
let webgpu = 'no WebGPU adapter in headless Chromium on this machine (launched with --disable-gpu); not measured';
try {
  const probe = await browser.newPage();
  await probe.goto(`http://127.0.0.1:${PORT}/`);
  if (await probe.evaluate(async () => Boolean(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()))) webgpu = 'adapter found';
  await probe.close();
  // The photo model's input ([0, 1]) is every photo network's pixels here; CenterNet's get × 255 (its card says 0–255).
  let photoInput: number[] = [];
  for (const model of [...MODELS.map((m) => m.id), TAPS]) {
    for (const threads of [1, 2]) {
      const r = await onPage<{ medianMs: number; p90Ms: number; input: number[]; inputSize: number }>(browser, 'runOrt', [model, threads, ITERATIONS]);
      rows.push({ runtime: 'onnxruntime-web 1.30', backend: 'WASM (SIMD)', threads, model, inputSize: r.inputSize, medianMs: r.medianMs, p90Ms: r.p90Ms });
      if (model === PHOTO) photoInput = r.input;
    }
  }
  const lab = { graphOptimizationLevel: 'all' } as const;
  let ortAlone: number[] = [];
  for (const [model, file] of [[MOBILENETV2_ALONE, 'mobilenetv2-alone.onnx'], [OBJECTRON_ALONE, 'objectron-alone.onnx']] as const) {
    for (const threads of [1, 2]) {
      const r = await onPage<{ medianMs: number; p90Ms: number; embedding: number[] }>(browser, 'runOrtOptions', [file, threads, ITERATIONS, photoInput, 224, lab]);
      rows.push({ runtime: 'onnxruntime-web 1.30', backend: 'WASM (SIMD)', threads, model, inputSize: 224, medianMs: r.medianMs, p90Ms: r.p90Ms });
      if (model === MOBILENETV2_ALONE && threads === 1) ortAlone = r.embedding;
    }
  }
  for (const [graph, model] of [['nsfwjs', NSFWJS_GRAPH], ['centernet', CENTERNET_GRAPH]] as const) {
    for (const threads of [1, 2]) {
      const r = await onPage<{ medianMs: number; p90Ms: number; embedding: number[]; threadsUsed: number }>(browser, 'runTfjs', [graph, 'wasm', threads, ITERATIONS, photoInput, 224]);
      rows.push({ runtime: 'TensorFlow.js 4.22', backend: 'WASM (SIMD)', threads: r.threadsUsed, requestedThreads: threads, model, inputSize: 224, medianMs: r.medianMs, p90Ms: r.p90Ms });
      if (graph === 'nsfwjs' && threads === 1) parity = { cosine: cosine(ortAlone, r.embedding), maxAbsDifference: Math.max(...r.embedding.map((x, i) => Math.abs(x - ortAlone[i]!))) };
    }
  }
  // Session options tried (one thread): optimisation levels (layout and fusions come with "all" and "extended"), a fixed batch dimension.
  const tried: Array<[string, object]> = [
    ['graphOptimizationLevel all (the lab)', lab],
    ['graphOptimizationLevel extended (no NCHWc layout)', { graphOptimizationLevel: 'extended' }],
    ['graphOptimizationLevel basic (constant folding, no fusions)', { graphOptimizationLevel: 'basic' }],
    ['all + freeDimensionOverrides { batch: 1 }', { ...lab, freeDimensionOverrides: { batch: 1 } }],
    ['all + enableMemPattern false', { ...lab, enableMemPattern: false }],
  ];
  for (const [option, options] of tried) {
    for (const [network, url] of [[MOBILENETV2_ALONE, 'mobilenetv2-alone.onnx'], [PHOTO, `models/${PHOTO}/model.onnx`]] as const) {
      const r = await onPage<{ medianMs: number }>(browser, 'runOrtOptions', [url, 1, ITERATIONS, photoInput, 224, options]);
      ortOptions.push({ option, network, threads: 1, medianMs: r.medianMs });
    }
  }
  for (const threads of [1, 2]) {
    for (const gapMs of PLACEMENT_GAPS_MS) {
      for (const [where, run] of [['page', 'runOrt'], ['worker', 'runOrtInWorker']] as const) {
        const { medianMs, p90Ms } = await onPage<{ medianMs: number; p90Ms: number }>(browser, run, [PHOTO, threads, ITERATIONS, gapMs]);
        placement.push({ where, threads, gapMs, medianMs, p90Ms });
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}

// Paired by the threads each runtime really used: TensorFlow.js WASM caps itself at hardwareConcurrency / 2, so on a
// 2-core machine it runs one thread when asked for two, and a "2-thread" ratio against it would compare 2 with 1.
const median = (model: string, runtime: string, threads: number) => rows.find((r) => r.model === model && r.runtime.startsWith(runtime) && r.threads === threads)?.medianMs;
const ratios = [1, 2].flatMap((threads) => {
  const pairs: Array<[string, number | undefined, number | undefined]> = [
    ['MobileNetV2 1.4 vector (nsfwjs graph vs its ONNX conversion)', median(MOBILENETV2_ALONE, 'onnxruntime', threads), median(NSFWJS_GRAPH, 'TensorFlow', threads)],
    [`CenterNet taps (CenterNet graph vs ${TAPS})`, median(TAPS, 'onnxruntime', threads), median(CENTERNET_GRAPH, 'TensorFlow', threads)],
  ];
  const peers = [median(NSFWJS_GRAPH, 'TensorFlow', threads), median(CENTERNET_GRAPH, 'TensorFlow', threads), median(OBJECTRON_ALONE, 'onnxruntime', threads)];
  pairs.push([
    `the lab's photo model, three branches (${PHOTO} vs the two TensorFlow.js graphs one after the other, plus the objectron branch on onnxruntime-web, which has no TensorFlow.js graph)`,
    median(PHOTO, 'onnxruntime', threads),
    peers.every((x) => x !== undefined) ? peers.reduce((a, b) => a! + b!, 0) : undefined,
  ]);
  return pairs.map(([network, ours, theirs]) => ({ network, threads, onnxruntimeMs: ours, tfjsWasmMs: theirs, ratio: ours && theirs ? ours / theirs : undefined }));
});
const machine = `${cpus()[0]?.model}, ${cpus().length} cores; ${await (async () => (await chromium.launch(config.use!.launchOptions).then(async (b) => { const v = b.version(); await b.close(); return `Chromium ${v}`; })))()}`;
const stamp = makeStamp({ models: modelIdsWithFiles(rows.map((r) => r.model)), browser: machine.split('; ')[1], engine: [...new Set(rows.map((r) => r.runtime))].join('; ') });
const result = modelsBrowserBenchSchema.parse({ ...stampedHeader('npm run bench:models-browser', stamp), machine, iterations: ITERATIONS, webgpu, rows, peerComparison: { ratios, target: 'onnxruntime-web ≤ 1.0 × TensorFlow.js WASM on one thread (goal 0.8 ×), at 224', embeddingParity: parity }, ortOptions, placement });
writeResults(new URL('./results/models-browser.json', import.meta.url), result);
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
else {
  console.table(rows.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(2), p90Ms: r.p90Ms.toFixed(2) })));
  console.table(ratios.map((r) => ({ ...r, ratio: r.ratio?.toFixed(2) })));
  console.table(ortOptions.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(2) })));
  console.table(placement.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(2), p90Ms: r.p90Ms.toFixed(2) })));
  console.log('embedding parity (MobileNetV2 branch as ONNX vs nsfwjs graph on TF.js WASM, same pixels):', parity, '\nWebGPU:', webgpu);
}
