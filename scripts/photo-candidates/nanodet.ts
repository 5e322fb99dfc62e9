import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as Ort from 'onnxruntime-web';
import type { Pixels } from '../../src/lib/models/pixels.ts';
import { openSession, runPictures } from './session.ts';
import type { View } from './views.ts';

/**
 * A third branch for the photo model's candidates (issue 24): NanoDet's
 * (the "g" model, COCO) backbone and neck feature maps, globally averaged,
 * from training/cache/nanodet-<size>.onnx (training/convert_nanodet.py), on
 * the photo model's own preprocessing at that size. Cached on disk like
 * branches.ts's, keyed by the graph's hash.
 */
export const NANODET_TAPS = { neck8: 128, neck16: 128, neck32: 128, backbone16: 256, backbone32: 512 } as const;
export type NanodetTap = keyof typeof NANODET_TAPS;
const TAPS = Object.keys(NANODET_TAPS) as NanodetTap[];
const ROOT = new URL('../../', import.meta.url);
const CACHE = new URL('training/cache/photo-candidates/', ROOT);
export const nanodetGraph = (size: number) => new URL(`training/cache/nanodet-${size}.onnx`, ROOT);

export interface NanodetBranch {
  /** Each tap's pooled features (one row per picture) of each picture's view at `size` px. */
  taps(key: string, pictures: readonly Pixels[], view: View, size: number): Promise<Record<NanodetTap, Float32Array>>;
  dispose(): Promise<void>;
}

export function loadNanodet(): NanodetBranch {
  const sessions = new Map<number, { session: Ort.InferenceSession; hash: string }>();
  async function sessionAt(size: number) {
    const file = nanodetGraph(size);
    if (!existsSync(file)) throw new Error(`Run python3 training/convert_nanodet.py --size ${size} --out training/cache/nanodet-${size}.onnx first.`);
    if (!sessions.has(size)) sessions.set(size, { session: await openSession(file), hash: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12) });
    return sessions.get(size)!;
  }
  return {
    async taps(key, pictures, view, size) {
      const { session, hash } = await sessionAt(size);
      mkdirSync(CACHE, { recursive: true });
      const file = new URL(`nanodet-${hash}-${key}-${view}-${size}.bin`, CACHE);
      const widths = TAPS.map((t) => NANODET_TAPS[t] * pictures.length);
      const split = (all: Float32Array) => {
        let at = 0;
        return Object.fromEntries(TAPS.map((t, i) => [t, all.subarray(at, (at += widths[i]!))])) as Record<NanodetTap, Float32Array>;
      };
      if (existsSync(file)) {
        const all = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
        if (all.length === widths.reduce((a, b) => a + b, 0)) return split(all);
      }
      const out = await runPictures(session, pictures, view, size, TAPS);
      const all = new Float32Array(widths.reduce((a, b) => a + b, 0));
      TAPS.reduce((at, t) => (all.set(out[t]!, at), at + out[t]!.length), 0);
      writeFileSync(file, new Uint8Array(all.buffer));
      return split(all);
    },
    async dispose() {
      for (const { session } of sessions.values()) await session.release();
    },
  };
}

/** The chosen taps of these rows side by side, one row per picture (to be L2-normalised as one branch). */
export function joinTaps(taps: Record<NanodetTap, Float32Array>, chosen: readonly NanodetTap[], rows: number): Float32Array {
  const dim = chosen.reduce((n, t) => n + NANODET_TAPS[t], 0);
  const out = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    let at = r * dim;
    for (const t of chosen) {
      const width = NANODET_TAPS[t];
      out.set(taps[t].subarray(r * width, (r + 1) * width), at);
      at += width;
    }
  }
  return out;
}

/** Each row of `width` values divided by its L2 norm (at least 1e-12), as the shipped graph normalises each branch. */
export function l2Rows(data: Float32Array, width: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let at = 0; at < data.length; at += width) {
    let sum = 0;
    for (let i = at; i < at + width; i++) sum += data[i]! * data[i]!;
    const norm = Math.max(Math.sqrt(sum), 1e-12);
    for (let i = at; i < at + width; i++) out[i] = data[i]! / norm;
  }
  return out;
}

/** Two blocks of `rows` rows each, row by row side by side. */
export function sideBySide(left: Float32Array, right: Float32Array, rows: number): Float32Array {
  const [a, b] = [left.length / rows, right.length / rows];
  const out = new Float32Array(left.length + right.length);
  for (let r = 0; r < rows; r++) {
    out.set(left.subarray(r * a, (r + 1) * a), r * (a + b));
    out.set(right.subarray(r * b, (r + 1) * b), r * (a + b) + a);
  }
  return out;
}
