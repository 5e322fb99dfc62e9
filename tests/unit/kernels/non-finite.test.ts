import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError, METRIC_NAMES, type Matrix } from '../../../src/lib/kernels/index.ts';
import { kernels, matrixOfShape, RUNS } from './setup.ts';

/**
 * Fuzzing every kernel with NaN and infinities: whichever input matrix holds
 * one, wherever it sits, the call is rejected with a KernelInputError before
 * any WASM runs, and the kernels keep working afterwards (FUZZ_RUNS cases).
 */
const poison = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

interface Case {
  name: string;
  /** Runs the kernel on matrices (the ones the fuzzer may poison). */
  run: (inputs: Matrix[]) => unknown;
  shapes: Array<[number, number]>;
}

const labels = [0, 1, 0, 1];
const unitDirections: Matrix = { data: Float32Array.of(1, 0, 0, 0, 0, 1, 0, 0), rows: 2, cols: 4 };
const CASES: Case[] = [
  { name: 'normalize', shapes: [[3, 4]], run: ([m]) => kernels.normalize(m!, 'cl2n') },
  { name: 'mean', shapes: [[3, 4]], run: ([m]) => kernels.mean(m!) },
  { name: 'prototypes', shapes: [[4, 4]], run: ([m]) => kernels.prototypes(m!, labels, 2) },
  ...METRIC_NAMES.map((metric): Case => ({ name: `distances (${metric})`, shapes: [[2, 4], [3, 4]], run: ([q, p]) => kernels.distances(metric, q!, p!) })),
  { name: 'row distances', shapes: [[3, 4], [3, 4]], run: ([a, b]) => kernels.rowDistances('euclidean', a!, b!) },
  { name: 'probabilities', shapes: [[2, 3]], run: ([d]) => kernels.probabilities(d!) },
  { name: 'nearest', shapes: [[2, 3]], run: ([d]) => kernels.nearest(d!) },
  { name: 'open-set calibration', shapes: [[4, 4]], run: ([s]) => kernels.calibrateOpenSet('cosine', s!, labels, 2) },
  { name: 'refinement', shapes: [[4, 4], [3, 4]], run: ([s, u]) => kernels.refine('euclidean', s!, labels, 2, u!, 2) },
  { name: 'PCA', shapes: [[5, 4]], run: ([m]) => kernels.project2d(m!) },
  { name: 'classify', shapes: [[4, 4], [2, 4]], run: ([s, q]) => kernels.classify({ supports: s!, labels, classes: 2, queries: q!, metric: 'snr', normalization: 'l2', refineIterations: 1 }) },
  { name: 'predict', shapes: [[2, 4], [2, 4]], run: ([q, p]) => kernels.predict({ queries: q!, prototypes: p!, metric: 'poincare' }) },
  { name: 'circle loss', shapes: [[1, 5], [1, 5]], run: ([n, p]) => kernels.losses.circle(n!.data, p!.data, 0.25, 32) },
  { name: 'multi-similarity', shapes: [[4, 4]], run: ([s]) => kernels.losses.multiSimilarity(s!, labels, { alpha: 2, beta: 50, lambda: 0.5, epsilon: 0.1 }) },
  { name: 'sliced Wasserstein', shapes: [[5, 4], [5, 4]], run: ([a, b]) => kernels.transport.slicedWasserstein(a!, b!, unitDirections) },
];

describe('NaN and infinity are rejected, never propagated', () => {
  for (const kernel of CASES) {
    test(kernel.name, () => {
      const inputs = fc.tuple(...kernel.shapes.map(([rows, cols]) => matrixOfShape(rows, cols)));
      const where = fc.record({ matrix: fc.nat(kernel.shapes.length - 1), at: fc.nat(), value: poison });
      fc.assert(
        fc.property(inputs, where, (matrices, { matrix, at, value }) => {
          const target = matrices[matrix]!;
          const poisoned = matrices.map((m, i) => (i === matrix ? { ...m, data: m.data.slice() } : m));
          poisoned[matrix]!.data[at % target.data.length] = value;
          expect(() => kernel.run(poisoned)).toThrow(KernelInputError);
          // The failed call leaves nothing behind: the same kernel on clean input still works.
          expect(() => kernel.run(matrices)).not.toThrow();
        }),
        { numRuns: RUNS },
      );
    });
  }
});
