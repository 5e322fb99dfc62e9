import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as Ort from 'onnxruntime-web';
import type { Pixels } from '../../src/lib/models/pixels.ts';
import { openSession, runPictures } from './session.ts';
import type { View } from './views.ts';

/**
 * A third branch for the photo model's candidates (issue 24): another
 * network's feature maps, globally averaged, from
 * training/cache/<network>-<size>.onnx, on the photo model's own
 * preprocessing at that size. Cached on disk like branches.ts's, keyed by
 * the graph's hash.
 *   nanodet    NanoDet's ("g", COCO) PAN neck and CSP backbone stages (training/convert_nanodet.py)
 *   objectron  MediaPipe objectron's SSD MobileNetV2 (Open Images v4): Conv_1 and
 *              the stride-16 expansion SSD reads (training/convert_objectron.py)
 *   objectron-uint8  the same with 8-bit kernels (convert_objectron.py --uint8)
 */
export const EXTRA_TAPS = {
  nanodet: { neck8: 128, neck16: 128, neck32: 128, backbone16: 256, backbone32: 512 },
  objectron: { conv1: 1280, expand13: 576 },
  'objectron-uint8': { conv1: 1280, expand13: 576 },
} as const;
export type Network = keyof typeof EXTRA_TAPS;
const tapsOf = (network: Network) => EXTRA_TAPS[network] as Record<string, number>;
const ROOT = new URL('../../', import.meta.url);
const CACHE = new URL('training/cache/photo-candidates/', ROOT);
export const graphOf = (network: Network, size: number) => new URL(`training/cache/${network}-${size}.onnx`, ROOT);

export interface ExtraBranches {
  /** Each tap's pooled features (one row per picture) of each picture's view at `size` px. */
  taps(network: Network, key: string, pictures: readonly Pixels[], view: View, size: number): Promise<Record<string, Float32Array>>;
  dispose(): Promise<void>;
}

export function loadExtraBranches(): ExtraBranches {
  const sessions = new Map<string, { session: Ort.InferenceSession; hash: string }>();
  async function sessionOf(network: Network, size: number) {
    const file = graphOf(network, size);
    if (!existsSync(file)) throw new Error(`${file.pathname} is missing: make it with training/convert_${network.split('-')[0]}.py (see its header).`);
    if (!sessions.has(file.href)) sessions.set(file.href, { session: await openSession(file), hash: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12) });
    return sessions.get(file.href)!;
  }
  return {
    async taps(network, key, pictures, view, size) {
      const { session, hash } = await sessionOf(network, size);
      const taps = Object.keys(tapsOf(network));
      mkdirSync(CACHE, { recursive: true });
      const file = new URL(`${network}-${hash}-${key}-${view}-${size}.bin`, CACHE);
      const widths = taps.map((t) => tapsOf(network)[t]! * pictures.length);
      const split = (all: Float32Array) => {
        let at = 0;
        return Object.fromEntries(taps.map((t, i) => [t, all.subarray(at, (at += widths[i]!))]));
      };
      if (existsSync(file)) {
        const all = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
        if (all.length === widths.reduce((a, b) => a + b, 0)) return split(all);
      }
      const out = await runPictures(session, pictures, view, size, taps);
      const all = new Float32Array(widths.reduce((a, b) => a + b, 0));
      taps.reduce((at, t) => (all.set(out[t]!, at), at + out[t]!.length), 0);
      writeFileSync(file, new Uint8Array(all.buffer));
      return split(all);
    },
    async dispose() {
      for (const { session } of sessions.values()) await session.release();
    },
  };
}

/** The chosen taps of these rows side by side, one row per picture (to be L2-normalised as one branch). */
export function joinTaps(network: Network, taps: Record<string, Float32Array>, chosen: readonly string[], rows: number): Float32Array {
  const widths = chosen.map((t) => tapsOf(network)[t]!);
  const dim = widths.reduce((a, b) => a + b, 0);
  const out = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    let at = r * dim;
    for (const [k, t] of chosen.entries()) {
      out.set(taps[t]!.subarray(r * widths[k]!, (r + 1) * widths[k]!), at);
      at += widths[k]!;
    }
  }
  return out;
}

/** How many values these taps give. */
export const widthOf = (network: Network, chosen: readonly string[]) => chosen.reduce((n, t) => n + tapsOf(network)[t]!, 0);

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
