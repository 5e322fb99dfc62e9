import { readFileSync } from 'node:fs';
import type * as Ort from 'onnxruntime-web';
import { ortInNode } from '../../src/lib/inference/ort-node.ts';
import { parseModelCard, type ModelCard } from '../../src/lib/models/card.ts';
import { preprocess } from '../../src/lib/models/preprocess.ts';
import type { Pixels } from '../../src/lib/models/pixels.ts';
import { viewOf, type View } from './views.ts';

/**
 * What every candidate graph shares: one onnxruntime-web session (WASM, one
 * thread, as in the lab without cross-origin isolation), the photo model's
 * own preprocessing at any square size, pictures run 32 at a time, and the
 * latency measure.
 */
const ROOT = new URL('../../', import.meta.url);
const photoCard = JSON.parse(readFileSync(new URL('models/photo-mobilenetv2-centernet-objectron/card.json', ROOT), 'utf8'));

/** The photo model's card at another square input size: the same crop, resampling and [0, 1] RGB. */
export function photoCardAt(size: number): ModelCard {
  return parseModelCard({ ...photoCard, input: { ...photoCard.input, height: size, width: size } });
}

export async function openSession(file: URL): Promise<Ort.InferenceSession> {
  return ortInNode().InferenceSession.create(new Uint8Array(readFileSync(file)), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
}

/** These outputs of the graph for each picture's view at `size` px, each one row per picture. */
export async function runPictures(session: Ort.InferenceSession, pictures: readonly Pixels[], view: View, size: number, outputs: readonly string[]): Promise<Record<string, Float32Array>> {
  const ort = ortInNode();
  const card = photoCardAt(size);
  const per = 3 * size * size;
  const got: Record<string, Float32Array[]> = Object.fromEntries(outputs.map((o) => [o, []]));
  for (let start = 0; start < pictures.length; start += 32) {
    const batch = pictures.slice(start, start + 32);
    const data = new Float32Array(batch.length * per);
    batch.forEach((p, i) => data.set(preprocess(viewOf(p, view), card), i * per));
    const result = await session.run({ input: new ort.Tensor('float32', data, [batch.length, 3, size, size]) });
    for (const o of outputs) got[o]!.push((result[o]!.data as Float32Array).slice());
  }
  const joined = (parts: Float32Array[]) => {
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };
  return Object.fromEntries(outputs.map((o) => [o, joined(got[o]!)]));
}

/** Median milliseconds of one inference of one picture at `size` px (the graph alone, no preprocessing), after 5 warm-up runs. */
export async function latencyOf(session: Ort.InferenceSession, size: number, runs: number): Promise<number> {
  const ort = ortInNode();
  const input = new ort.Tensor('float32', new Float32Array(3 * size * size).fill(0.5), [1, 3, size, size]);
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const start = performance.now();
    await session.run({ input });
    if (i >= 5) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
