import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Pixels } from '../../src/lib/models/pixels.ts';
import { latencyOf, openSession, runPictures } from './session.ts';
import type { View } from './views.ts';

/**
 * The retired photo-mobilenetv2-centernet's two branches before they are
 * joined: the 1,792-d pooled MobileNetV2 vector (non-negative, after ReLU6)
 * and the 152-d CenterNet taps, as its graph (python3 training/convert_nsfwjs.py,
 * into training/cache/) outputs them beside its embedding. "today" in the
 * candidate comparisons is that embedding, each branch L2-normalised, side by side;
 * the candidates are built from these raw branches. The graph with a free
 * input size (training/photo_input_size.py) measures other sizes; at 224 it is
 * checked against the shipped graph's own embedding.
 */
export const MOBILENET = 1792;
export const CENTERNET = 152;
const ROOT = new URL('../../', import.meta.url);
const SHIPPED = new URL('training/cache/photo-mobilenetv2-centernet.onnx', ROOT);
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
  if (!existsSync(SHIPPED) || !existsSync(ANY_SIZE)) throw new Error('Run python3 training/convert_nsfwjs.py and python3 training/photo_input_size.py first (the two-branch graph, and it with a free input size).');
  const session = await openSession(ANY_SIZE);
  const shipped = await openSession(SHIPPED);
  const graphHash = createHash('sha256').update(readFileSync(SHIPPED)).digest('hex').slice(0, 12);

  return {
    async branches(key, pictures, view, size) {
      mkdirSync(CACHE, { recursive: true });
      const file = new URL(`${graphHash}-${key}-${view}-${size}.bin`, CACHE);
      const floats = pictures.length * (MOBILENET + CENTERNET);
      if (existsSync(file)) {
        const all = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
        if (all.length === floats) return { mobilenet: all.subarray(0, pictures.length * MOBILENET), centernet: all.subarray(pictures.length * MOBILENET), rows: pictures.length };
      }
      const out = await runPictures(session, pictures, view, size, ['mobilenetv2', 'centernet']);
      const all = new Float32Array(floats);
      all.set(out.mobilenetv2!, 0);
      all.set(out.centernet!, pictures.length * MOBILENET);
      writeFileSync(file, new Uint8Array(all.buffer));
      return { mobilenet: out.mobilenetv2!, centernet: out.centernet!, rows: pictures.length };
    },
    async check(pictures) {
      const ours = await runPictures(session, pictures, 'full', 224, ['mobilenetv2', 'centernet']);
      const theirs = (await runPictures(shipped, pictures, 'full', 224, ['embedding'])).embedding!;
      const joined = joinBranches({ mobilenet: ours.mobilenetv2!, centernet: ours.centernet!, rows: pictures.length }, (x) => x);
      return theirs.reduce((worst, v, i) => Math.max(worst, Math.abs(v - joined[i]!)), 0);
    },
    latency: (size, runs) => latencyOf(session, size, runs),
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
