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
import { createEmbedder } from '../../src/lib/inference/embedder.ts';
import { parseModelCard } from '../../src/lib/models/card.ts';
import { preprocess } from '../../src/lib/models/preprocess.ts';


async function photoPixels(): Promise<ImageData> {
  const bitmap = await createImageBitmap(await (await fetch('photo.png')).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function time(run: () => Promise<unknown>, iterations: number): Promise<{ medianMs: number; p90Ms: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, p90Ms: times[Math.floor(times.length * 0.9)]! };
}

async function runOrt(model: string, threads: number, iterations: number) {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.wasmPaths = { wasm: 'ort-wasm-simd-threaded.wasm' };
  const card = parseModelCard(await (await fetch(`models/${model}/card.json`)).json());
  const bytes = new Uint8Array(await (await fetch(`models/${model}/model.onnx`)).arrayBuffer());
  const embedder = await createEmbedder(ort as unknown as typeof Ort, bytes, card);
  const input = preprocess(await photoPixels(), card);
  const result = await time(() => embedder.embed([input]), iterations);
  const embedding = Array.from((await embedder.embed([input])).data);
  return { ...result, embedding, input: Array.from(input), inputSize: card.input.width };
}

/** One ONNX file with explicit session options (those being tried), on the given NCHW input. */
async function runOrtOptions(url: string, threads: number, iterations: number, nchw: number[], size: number, options: Ort.InferenceSession.SessionOptions) {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.wasmPaths = { wasm: 'ort-wasm-simd-threaded.wasm' };
  const session = await ort.InferenceSession.create(new Uint8Array(await (await fetch(url)).arrayBuffer()), { executionProviders: ['wasm'], ...options });
  const feeds = { input: new ort.Tensor('float32', Float32Array.from(nchw), [1, 3, size, size]) };
  const once = async () => (await session.run(feeds, ['embedding'])).embedding!;
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

Object.assign(window, { bench: { runOrt, runOrtOptions, runTfjs } });
