import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as Ort from 'onnxruntime-web';
import { ortInNode } from '../../src/lib/inference/ort-node.ts';
import { parseModelCard, type ModelCard } from '../../src/lib/models/card.ts';
import { preprocess } from '../../src/lib/models/preprocess.ts';
import type { Pixels } from '../../src/lib/models/pixels.ts';
import { viewOf, type View } from './views.ts';

/**
 * The photo model's two branches before they are joined: the 1,792-d pooled
 * MobileNetV2 vector (non-negative, after ReLU6) and the 152-d CenterNet taps,
 * as models/photo-mobilenetv2-centernet/model.onnx outputs them beside its
 * embedding. Today's embedding is each branch L2-normalised, side by side;
 * the candidates are built from these raw branches. The graph with a free
 * input size (training/photo_input_size.py) measures other sizes; at 224 it is
 * checked against the shipped graph's own embedding.
 */
export const MOBILENET = 1792;
export const CENTERNET = 152;
const ROOT = new URL('../../', import.meta.url);
const SHIPPED = new URL('models/photo-mobilenetv2-centernet/model.onnx', ROOT);
const ANY_SIZE = new URL('training/cache/photo-mobilenetv2-centernet-any-size.onnx', ROOT);
const CACHE = new URL('training/cache/photo-candidates/', ROOT);

export interface Branches {
  mobilenet: Float32Array;
  centernet: Float32Array;
  rows: number;
}

export interface BranchModel {
  /** Raw branches of each picture's view at `size` px, cached on disk under training/cache/photo-candidates/. */
  branches(key: string, pictures: readonly Pixels[], view: View, size: number): Promise<Branches>;
  /** Largest difference between the shipped graph's embedding and ours from its branches, on these pictures at 224 px. */
  check(pictures: readonly Pixels[]): Promise<number>;
  /** Median milliseconds of one inference of one picture at `size` px (the graph alone, no preprocessing), after 5 warm-up runs. */
  latency(size: number, runs: number): Promise<number>;
  dispose(): Promise<void>;
}

export async function loadBranchModel(): Promise<BranchModel> {
  const ort = ortInNode();
  if (!existsSync(ANY_SIZE)) throw new Error('Run python3 training/photo_input_size.py first (the graph with a free input size).');
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(ANY_SIZE)), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const shipped = await ort.InferenceSession.create(new Uint8Array(readFileSync(SHIPPED)), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const baseCard = JSON.parse(readFileSync(new URL('models/photo-mobilenetv2-centernet/card.json', ROOT), 'utf8'));
  const cardAt = (size: number): ModelCard => parseModelCard({ ...baseCard, input: { ...baseCard.input, height: size, width: size } });
  const graphHash = createHash('sha256').update(readFileSync(SHIPPED)).digest('hex').slice(0, 12);

  async function run(s: Ort.InferenceSession, pictures: readonly Pixels[], view: View, size: number, outputs: string[]) {
    const card = cardAt(size);
    const per = 3 * size * size;
    const got: Record<string, Float32Array[]> = Object.fromEntries(outputs.map((o) => [o, []]));
    for (let start = 0; start < pictures.length; start += 32) {
      const batch = pictures.slice(start, start + 32);
      const data = new Float32Array(batch.length * per);
      batch.forEach((p, i) => data.set(preprocess(viewOf(p, view), card), i * per));
      const result = await s.run({ input: new ort.Tensor('float32', data, [batch.length, 3, size, size]) });
      for (const o of outputs) got[o]!.push((result[o]!.data as Float32Array).slice());
    }
    const joined = (parts: Float32Array[]) => {
      const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
      return out;
    };
    return Object.fromEntries(outputs.map((o) => [o, joined(got[o]!)]));
  }

  return {
    async branches(key, pictures, view, size) {
      mkdirSync(CACHE, { recursive: true });
      const file = new URL(`${graphHash}-${key}-${view}-${size}.bin`, CACHE);
      const floats = pictures.length * (MOBILENET + CENTERNET);
      if (existsSync(file)) {
        const all = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
        if (all.length === floats) return { mobilenet: all.subarray(0, pictures.length * MOBILENET), centernet: all.subarray(pictures.length * MOBILENET), rows: pictures.length };
      }
      const out = await run(session, pictures, view, size, ['mobilenetv2', 'centernet']);
      const all = new Float32Array(floats);
      all.set(out.mobilenetv2!, 0);
      all.set(out.centernet!, pictures.length * MOBILENET);
      writeFileSync(file, new Uint8Array(all.buffer));
      return { mobilenet: out.mobilenetv2!, centernet: out.centernet!, rows: pictures.length };
    },
    async check(pictures) {
      const ours = await run(session, pictures, 'full', 224, ['mobilenetv2', 'centernet']);
      const theirs = (await run(shipped, pictures, 'full', 224, ['embedding'])).embedding!;
      const joined = joinBranches({ mobilenet: ours.mobilenetv2!, centernet: ours.centernet!, rows: pictures.length }, (x) => x);
      return theirs.reduce((worst, v, i) => Math.max(worst, Math.abs(v - joined[i]!)), 0);
    },
    async latency(size, runs) {
      const input = new ort.Tensor('float32', new Float32Array(3 * size * size).fill(0.5), [1, 3, size, size]);
      const times: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const start = performance.now();
        await session.run({ input });
        if (i >= 5) times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    },
    async dispose() {
      await session.release();
      await shipped.release();
    },
  };
}

/** Each branch (the MobileNetV2 one through `transform` first) L2-normalised, side by side: today's embedding when `transform` is the identity. */
export function joinBranches(b: Branches, transform: (x: number) => number): Float32Array {
  const dim = MOBILENET + CENTERNET;
  const out = new Float32Array(b.rows * dim);
  for (let r = 0; r < b.rows; r++) {
    const parts = [
      [Float32Array.from(b.mobilenet.subarray(r * MOBILENET, (r + 1) * MOBILENET), transform), 0],
      [b.centernet.subarray(r * CENTERNET, (r + 1) * CENTERNET), MOBILENET],
    ] as const;
    for (const [row, at] of parts) {
      let sum = 0;
      for (const v of row) sum += v * v;
      const norm = Math.max(Math.sqrt(sum), 1e-12);
      for (let i = 0; i < row.length; i++) out[r * dim + at + i] = row[i]! / norm;
    }
  }
  return out;
}
