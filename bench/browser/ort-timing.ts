/**
 * One photo embedded again and again with a catalog model on onnxruntime-web
 * WASM, timed: on the benchmark's page (entry.ts) or in a worker, as the lab
 * runs it (ort-embed-worker.ts), back to back or with a pause before each
 * run, as a visitor's adds are spaced.
 */
import * as ort from 'onnxruntime-web/wasm';
import type * as Ort from 'onnxruntime-web';
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

/** Median and 90th percentile of `iterations` runs after three for warm-up, each after `gapMs` of idleness. */
export async function time(run: () => Promise<unknown>, iterations: number, gapMs = 0): Promise<{ medianMs: number; p90Ms: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, p90Ms: times[Math.floor(times.length * 0.9)]! };
}

export async function runOrt(model: string, threads: number, iterations: number, gapMs = 0) {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.wasmPaths = { wasm: 'ort-wasm-simd-threaded.wasm' };
  const card = parseModelCard(await (await fetch(`models/${model}/card.json`)).json());
  const bytes = new Uint8Array(await (await fetch(`models/${model}/model.onnx`)).arrayBuffer());
  const embedder = await createEmbedder(ort as unknown as typeof Ort, bytes, card);
  const input = preprocess(await photoPixels(), card);
  const result = await time(() => embedder.embed([input]), iterations, gapMs);
  const embedding = Array.from((await embedder.embed([input])).data);
  return { ...result, embedding, input: Array.from(input), inputSize: card.input.width };
}
