import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError, METRIC_NAMES, type Kernels, type Matrix } from '../../../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';
import { kernels, matrixOfShape, RUNS } from './setup.ts';

/**
 * Fuzzing every kernel with NaN and infinities: whichever input matrix holds
 * one, wherever it sits, the call is rejected with a KernelInputError that
 * names that input, the value, its row and its column; and the same kernels
 * then give on clean input exactly what a fresh instance gives (FUZZ_RUNS cases).
 */
const poison = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

interface Case {
  name: string;
  /** Runs the kernel on matrices (the ones the fuzzer may poison). */
  run: (inputs: Matrix[], on?: Kernels) => unknown;
  shapes: Array<[number, number]>;
  /** What the error message calls each input. */
  inputs: string[];
}

const fresh = await loadKernelsInNode();

const labels = [0, 1, 0, 1];
const unitDirections: Matrix = { data: Float32Array.of(1, 0, 0, 0, 0, 1, 0, 0), rows: 2, cols: 4 };
/** Distances are never negative: the ranking kernels' clean cases take |v|, leaving NaN and ±∞ as the fuzzer put them. */
const nonNegative = (v: number) => (Number.isFinite(v) ? Math.abs(v) : v);

const CASES: Case[] = [
  { name: 'normalize', inputs: ['The matrix'], shapes: [[3, 4]], run: ([m], k = kernels) => k.normalize(m!, 'cl2n') },
  { name: 'mean', inputs: ['The matrix'], shapes: [[3, 4]], run: ([m], k = kernels) => k.mean(m!) },
  { name: 'prototypes', inputs: ['Embeddings'], shapes: [[4, 4]], run: ([m], k = kernels) => k.prototypes(m!, labels, 2) },
  ...METRIC_NAMES.map((metric): Case => ({ name: `distances (${metric})`, inputs: ['Queries', 'Prototypes'], shapes: [[2, 4], [3, 4]], run: ([q, p], k = kernels) => k.distances(metric, q!, p!) })),
  { name: 'row distances', inputs: ['The first matrix', 'The second matrix'], shapes: [[3, 4], [3, 4]], run: ([a, b], k = kernels) => k.rowDistances('euclidean', a!, b!) },
  { name: 'probabilities', inputs: ['Distances'], shapes: [[2, 3]], run: ([d], k = kernels) => k.probabilities(d!) },
  { name: 'nearest', inputs: ['Distances'], shapes: [[2, 3]], run: ([d], k = kernels) => k.nearest(d!) },
  { name: 'open-set calibration', inputs: ['Supports'], shapes: [[4, 4]], run: ([s], k = kernels) => k.calibrateOpenSet('cosine', s!, labels, 2) },
  { name: 'leave-one-out distances', inputs: ['Supports'], shapes: [[4, 4]], run: ([s], k = kernels) => k.leaveOneOutDistances('snr', s!, labels, 2) },
  { name: 'refinement', inputs: ['Supports', 'Unlabeled rows'], shapes: [[4, 4], [3, 4]], run: ([s, u], k = kernels) => k.refine('euclidean', s!, labels, 2, u!, 2) },
  { name: 'PCA', inputs: ['The matrix'], shapes: [[5, 4]], run: ([m], k = kernels) => k.project2d(m!) },
  { name: 'classify', inputs: ['Supports', 'Queries'], shapes: [[4, 4], [2, 4]], run: ([s, q], k = kernels) => k.classify({ supports: s!, labels, classes: 2, queries: q!, metric: 'snr', normalization: 'l2', refineIterations: 1 }) },
  { name: 'predict', inputs: ['Queries', 'Prototypes'], shapes: [[2, 4], [2, 4]], run: ([q, p], k = kernels) => k.predict({ queries: q!, prototypes: p!, metric: 'poincare' }) },
  { name: 'circle loss', inputs: ['s_n', 's_p'], shapes: [[1, 5], [1, 5]], run: ([n, p], k = kernels) => k.losses.circle(n!.data, p!.data, 0.25, 32) },
  { name: 'multi-similarity', inputs: ['The similarity matrix'], shapes: [[4, 4]], run: ([s], k = kernels) => k.losses.multiSimilarity(s!, labels, { alpha: 2, beta: 50, lambda: 0.5, epsilon: 0.1 }) },
  { name: 'retrieval', inputs: ['Embeddings'], shapes: [[4, 4]], run: ([m], k = kernels) => k.retrieval.evaluate('snr', m!, labels, 2) },
  { name: 'FastAP', inputs: ['Distances'], shapes: [[1, 5]], run: ([d], k = kernels) => k.losses.fastAP(d!.data.map(nonNegative), [1, 0, 1, 0, 0], 10, 64) },
  { name: 'average precision', inputs: ['Distances'], shapes: [[1, 5]], run: ([d], k = kernels) => k.losses.averagePrecision(d!.data.map(nonNegative), [0, 1, 1, 0, 0]) },
  { name: 'Ranked List Loss', inputs: ['Distances'], shapes: [[1, 5]], run: ([d], k = kernels) => k.losses.rankedList(d!.data.map(nonNegative), [1, 0, 1, 0, 0], { alpha: 1.2, margin: 0.4, temperature: 10 }) },
  { name: 'sliced Wasserstein', inputs: ['The first cloud', 'The second cloud'], shapes: [[5, 4], [5, 4]], run: ([a, b], k = kernels) => k.transport.slicedWasserstein(a!, b!, unitDirections) },
  { name: 'label propagation', inputs: ['Points'], shapes: [[5, 3]], run: ([p], k = kernels) => k.graph.propagate(p!, [0, -1, 1, -1, -1], 2, { k: 2, sigma: 1, alpha: 0.9, iterations: 3 }) },
  { name: 'sampled softmax', inputs: ['Label embeddings', 'The input'], shapes: [[6, 3], [1, 3]], run: ([w, u], k = kernels) => k.sampling.gradients(w!, u!.data, 0, Int32Array.of(1, 2, 3, 4), 2, 0) },
  { name: 'shared embeddings', inputs: ['The user table', 'The item table'], shapes: [[3, 2], [4, 2]], run: ([u, v], k = kernels) => k.sharing.train(u!, v!, { users: Int32Array.of(0, 2), items: Int32Array.of(1, 3), ratings: Float32Array.of(1, -1) }, { users: Int32Array.of(1), items: Int32Array.of(0), ratings: Float32Array.of(0.5) }, { epochs: 2, rate: 0.05, swap: 0.3, seed: 1 }) },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('NaN and infinity are rejected, never propagated', () => {
  for (const kernel of CASES) {
    test(kernel.name, () => {
      const inputs = fc.tuple(...kernel.shapes.map(([rows, cols]) => matrixOfShape(rows, cols)));
      const where = fc.record({ matrix: fc.nat(kernel.shapes.length - 1), at: fc.nat(), value: poison });
      fc.assert(
        fc.property(inputs, where, (matrices, { matrix, at, value }) => {
          const target = matrices[matrix]!;
          const index = at % target.data.length;
          const poisoned = matrices.map((m, i) => (i === matrix ? { ...m, data: m.data.slice() } : m));
          poisoned[matrix]!.data[index] = value;
          const shown = Number.isNaN(value) ? 'NaN' : String(value);
          const place = `${kernel.inputs[matrix]} contains ${shown} at row ${Math.floor(index / target.cols)}, column ${index % target.cols};`;
          expect(() => kernel.run(poisoned)).toThrow(KernelInputError);
          expect(() => kernel.run(poisoned)).toThrow(new RegExp(`^${escape(place)}`));
          // The failed call leaves nothing behind: on clean input these kernels answer exactly as a fresh instance does.
          expect(kernel.run(matrices)).toEqual(kernel.run(matrices, fresh));
        }),
        { numRuns: RUNS },
      );
    });
  }
});
