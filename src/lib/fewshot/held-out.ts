import type { Kernels, Matrix } from '../kernels/index.ts';
import { leaveOneOut, leaveOneOutMatrix, pick, type Supports } from './fit.ts';
import { headSimilarities, trainHead, type HeadData, type HeadOptions } from './head-train.ts';
import type { Method } from './method.ts';

/**
 * Distances of supports to every class from a classifier that did not see
 * them: the honest ground for "how well it knows your classes", and for the
 * head's temperature and open-set threshold.
 */
export interface HeldOut {
  /** Support indices judged (those whose class has another example). */
  rows: number[];
  labels: number[];
  /** rows × classes. */
  distances: Matrix;
}

/** Exact leave-one-out for prototypes: (p·m − x) / (m − 1) is the prototype without x. */
export function prototypeHeldOut(kernels: Kernels, supports: Supports, prototypes: Matrix, mass: Float32Array, method: Method): HeldOut {
  const held = leaveOneOut(kernels, supports, prototypes, mass, method);
  return { rows: held.rows, labels: held.rows.map((i) => supports.labels[i]!), distances: leaveOneOutMatrix(kernels, supports, prototypes, held, method) };
}

/** At most this many rounds of retraining (5-fold at most): beyond five examples a class, each round holds out several of its examples. */
export const MAX_HEAD_ROUNDS = 5;

/**
 * For the head, retraining once per held-out example is too slow; instead,
 * round f holds out the examples whose place in their class is f modulo R
 * (R = min(5, largest class)), trains a head on the rest and judges them.
 * Every example of a class with two or more is judged by a head that never saw it.
 */
export function headHeldOut(kernels: Kernels, data: HeadData & { gram: Matrix }, options: HeadOptions, progress?: (round: number, rounds: number) => void): HeldOut {
  const place = new Int32Array(data.labels.length);
  const counts = new Int32Array(data.classes);
  data.labels.forEach((c, i) => (place[i] = counts[c]!++));
  const rounds = Math.min(MAX_HEAD_ROUNDS, Math.max(...counts));
  const judged = [...data.labels.keys()].filter((i) => counts[data.labels[i]!]! >= 2);
  const distances = new Float32Array(judged.length * data.classes);
  const rowOf = new Map(judged.map((i, r) => [i, r]));
  for (let round = 0; round < rounds; round++) {
    const held = judged.filter((i) => place[i]! % rounds === round);
    const out = new Set(held);
    const kept = [...data.labels.keys()].filter((i) => !out.has(i));
    const gram = subGram(data.gram, kept);
    const head = trainHead(kernels, { x: pick(data.x, kept), labels: Int32Array.from(kept, (i) => data.labels[i]!), classes: data.classes, gram }, options);
    const similarity = headSimilarities(kernels, head, pick(data.x, held));
    held.forEach((i, r) => {
      const at = rowOf.get(i)! * data.classes;
      for (let c = 0; c < data.classes; c++) distances[at + c] = 1 - similarity.data[r * data.classes + c]!;
    });
    progress?.(round + 1, rounds);
  }
  return { rows: judged, labels: judged.map((i) => data.labels[i]!), distances: { data: distances, rows: judged.length, cols: data.classes } };
}

function subGram(gram: Matrix, rows: number[]): Matrix {
  const n = rows.length;
  const data = new Float32Array(n * n);
  rows.forEach((i, a) => rows.forEach((j, b) => (data[a * n + b] = gram.data[i * gram.cols + j]!)));
  return { data, rows: n, cols: n };
}

/** Per class: how many of its held-out examples were put back in it; and the confusion matrix (true class × verdict). */
export interface Knowledge {
  perClass: Array<{ correct: number; total: number }>;
  confusion: number[][];
  correct: number;
  total: number;
}

export function knowledgeOf(held: HeldOut, classes: number): Knowledge {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  held.labels.forEach((truth, r) => {
    const row = held.distances.data.subarray(r * classes, (r + 1) * classes);
    confusion[truth]![row.indexOf(Math.min(...row))]!++;
  });
  const perClass = confusion.map((row, c) => ({ correct: row[c]!, total: row.reduce((s, v) => s + v, 0) }));
  return { perClass, confusion, correct: perClass.reduce((s, c) => s + c.correct, 0), total: held.labels.length };
}
