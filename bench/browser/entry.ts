/**
 * Runs in headless Chromium (bench/models-browser.ts serves it): embeds one
 * photo with our ONNX models on onnxruntime-web (with the lab's session
 * options, or others being tried), and with the photo model's original
 * TensorFlow.js graphs (nsfwjs's MobileNetV2, CenterNet) on TensorFlow.js,
 * on the same pixels.
 */
import * as ort from 'onnxruntime-web/wasm';
import type * as Ort from 'onnxruntime-web';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { PHOTO_TAPS } from '../../src/lib/eval/centernet-graph.ts';
import { NSFWJS_FEATURES } from '../../src/lib/eval/nsfwjs-graph.ts';
import { runOrt, time } from './ort-timing.ts';


/** The lab's place for the model (a worker), the same timing there: `runOrt` with a pause, in bench/browser/ort-embed-worker.ts. */
function runOrtInWorker(model: string, threads: number, iterations: number, gapMs: number) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('ort-embed-worker.js', { type: 'module' });
    worker.onmessage = ({ data }) => (worker.terminate(), resolve(data));
    worker.onerror = (event) => (worker.terminate(), reject(new Error(event.message)));
    worker.postMessage([model, threads, iterations, gapMs]);
  });
}

/** One ONNX file with explicit session options (those being tried), on the given NCHW input. */
async function runOrtOptions(url: string, threads: number, iterations: number, nchw: number[], size: number, options: Ort.InferenceSession.SessionOptions) {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.wasmPaths = { wasm: 'ort-wasm-simd-threaded.wasm' };
  const session = await ort.InferenceSession.create(new Uint8Array(await (await fetch(url)).arrayBuffer()), { executionProviders: ['wasm'], ...options });
  const feeds = { input: new ort.Tensor('float32', Float32Array.from(nchw), [1, 3, size, size]) };
  // A branch graph's one output is its tap ("conv1"), a model's is "embedding".
  const output = session.outputNames.includes('embedding') ? 'embedding' : session.outputNames[0]!;
  const once = async () => (await session.run(feeds, [output]))[output]!;
  const result = await time(once, iterations);
  const embedding = Array.from((await once()).data as Float32Array);
  await session.release();
  return { ...result, embedding };
}

const GRAPHS = {
  centernet: { url: 'centernet/model.json', input: 'tower_0/images', outputs: PHOTO_TAPS, scale: 255 },
  nsfwjs: { url: 'nsfwjs/model.json', input: 'input', outputs: [NSFWJS_FEATURES], scale: 1 },
} as const;

/** A TensorFlow.js graph (GRAPHS) run to its features, pooled where they are maps, on the same NCHW pixels in [0, 1]. */
async function runTfjs(graph: keyof typeof GRAPHS, backend: 'wasm' | 'cpu', threads: number, iterations: number, nchw: number[], size: number) {
  if (backend === 'wasm') {
    setWasmPaths('./');
    setThreadsCount(threads);
    await import('@tensorflow/tfjs-backend-wasm');
  }
  await tf.setBackend(backend);
  await tf.ready();
  const { url, input, outputs, scale } = GRAPHS[graph];
  const model = await loadGraphModel(url);
  // The same pixels as onnxruntime-web got, NCHW → NHWC, in the range the graph expects.
  const image = tf.tidy(() => tf.transpose(tf.tensor4d(Float32Array.from(nchw, (v) => v * scale), [1, 3, size, size]), [0, 2, 3, 1]));
  const embed = () =>
    tf.tidy(() => {
      // execute() answers a one-name list with a tensor, not a list.
      const out = model.execute({ [input]: image }, [...outputs]) as tf.Tensor | tf.Tensor[];
      const features = Array.isArray(out) ? out : [out];
      return tf.concat(features.map((t) => (t.rank === 4 ? tf.mean(t, [1, 2]) : t)), 1);
    });
  const result = await time(async () => {
    const e = embed();
    await e.data();
    e.dispose();
  }, iterations);
  const e = embed();
  const embedding = Array.from(await e.data());
  e.dispose();
  // TensorFlow.js WASM quietly uses at most hardwareConcurrency / 2 threads: report what it really used.
  return { ...result, embedding, threadsUsed: backend === 'wasm' ? getThreadsCount() : 1 };
}

Object.assign(window, { bench: { runOrt, runOrtInWorker, runOrtOptions, runTfjs } });
