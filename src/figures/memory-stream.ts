/**
 * The toy training stream of the Cross-Batch Memory figure, seeded so that the
 * build-time picture and the live one agree: 288 instances of 12 classes in the
 * plane, mini-batches of 16 drawn from them, and a memory queue holding the
 * embeddings of the last M / 16 batches as they were when those batches ran.
 * Drift: an instance's embedding moves `drift` per iteration along its own
 * direction, so one stored k iterations ago sits k · drift behind where the
 * instance is now.
 */
import type { Kernels } from '../lib/kernels/index.ts';
import { seededRandom } from '../lib/random.ts';

export const CLASSES = 12;
export const PER_CLASS = 24;
export const BATCH = 16;

interface Instance {
  label: number;
  /** The embedding now. */
  x: number;
  y: number;
  /** The unit direction it drifts along. */
  ux: number;
  uy: number;
}

/** Class centres on a circle of radius 1.3, each instance scattered around its centre (Box–Muller, σ = 0.42). */
export const INSTANCES: Instance[] = (() => {
  const random = seededRandom(2020);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: CLASSES * PER_CLASS }, (_, i) => {
    const label = i % CLASSES;
    const angle = (2 * Math.PI * label) / CLASSES;
    const turn = 2 * Math.PI * random();
    return { label, x: 1.3 * Math.cos(angle) + 0.42 * gauss(), y: 1.3 * Math.sin(angle) + 0.42 * gauss(), ux: Math.cos(turn), uy: Math.sin(turn) };
  });
})();

/** The instances of iteration t's mini-batch: 16 drawn without replacement, the same every time for the same t. */
export function batchAt(t: number): number[] {
  const random = seededRandom(7919 * t + 1);
  const order = INSTANCES.map((_, i) => i);
  for (let i = 0; i < BATCH; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, BATCH);
}

export interface Entry {
  instance: number;
  /** How many iterations ago it was stored (0: the current batch). */
  age: number;
  /** Where the embedding was when stored. */
  x: number;
  y: number;
}

/** The current batch (age 0) and then the memory, newest first: the last `memory` embeddings, as stored. */
export function stream(now: number, memory: number, drift: number): Entry[] {
  const entries: Entry[] = [];
  for (let age = 0; age <= memory / BATCH; age++) {
    for (const instance of batchAt(now - age)) {
      const { x, y, ux, uy } = INSTANCES[instance]!;
      entries.push({ instance, age, x: x - age * drift * ux, y: y - age * drift * uy });
    }
  }
  return entries;
}

export interface HardNegatives {
  /** Negatives in the current batch within the radius. */
  batch: number;
  /** Memory entries of negatives within the radius where they were stored: what the memory offers. */
  found: number;
  /** Of those, how many are within the radius now as well. */
  stillHard: number;
  /** Memory entries within the radius now but not where they were stored: hard negatives the stale memory misses. */
  missed: number;
  /** Each entry: within the radius as stored. */
  hardAsStored: boolean[];
}

/**
 * Counts the anchor's hard negatives (other classes within `radius`) in the
 * batch and the memory, with squared Euclidean distances from the kernels, for
 * the stored embeddings and for the current ones.
 */
export function hardNegatives(kernels: Kernels, entries: Entry[], anchor: { x: number; y: number; label: number }, radius: number): HardNegatives {
  const query = { data: Float32Array.of(anchor.x, anchor.y), rows: 1, cols: 2 };
  const stored = kernels.distances('euclidean', query, { data: Float32Array.from(entries.flatMap((e) => [e.x, e.y])), rows: entries.length, cols: 2 }).data;
  const current = kernels.distances('euclidean', query, { data: Float32Array.from(entries.flatMap((e) => [INSTANCES[e.instance]!.x, INSTANCES[e.instance]!.y])), rows: entries.length, cols: 2 }).data;
  const limit = radius * radius;
  const counts = { batch: 0, found: 0, stillHard: 0, missed: 0, hardAsStored: entries.map(() => false) };
  entries.forEach((e, i) => {
    if (INSTANCES[e.instance]!.label === anchor.label) return;
    const hardStored = stored[i]! < limit;
    const hardNow = current[i]! < limit;
    counts.hardAsStored[i] = hardStored;
    if (e.age === 0) counts.batch += hardNow ? 1 : 0;
    else if (hardStored) (counts.found++, (counts.stillHard += hardNow ? 1 : 0));
    else if (hardNow) counts.missed++;
  });
  return counts;
}
