import fc from 'fast-check';
import type { Matrix } from '../../../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';

/** The kernels as the product uses them (plain SIMD build). */
export const kernels = await loadKernelsInNode();

/** fast-check runs per property; FUZZ_RUNS raises it for a long fuzzing session. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
// FUZZ_SEED fixes the random cases (npm test's fuzzing step does, so CI is repeatable); without it each run explores new ones.
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

/**
 * A value in [−1, 1], sometimes exactly zero. Values below 1e-6 are flushed to
 * zero: the kernels compute in float32, where products of values below ~1e-19
 * underflow, and no embedding network produces such values.
 */
const scaledValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.float({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }).map((v) => (Math.abs(v) < 1e-6 ? 0 : v)),
  },
  { weight: 1, arbitrary: fc.constant(0) },
);
const magnitude = fc.constantFrom(1e-3, 1, 1, 1, 30);

/** A rows × cols matrix; one row in five may be all zeros. */
export function matrixArb(rows: fc.Arbitrary<number>, cols: fc.Arbitrary<number>): fc.Arbitrary<Matrix> {
  return fc.tuple(rows, cols).chain(([r, c]) => matrixOfShape(r, c));
}

export function matrixOfShape(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc
    .array(fc.tuple(fc.array(scaledValue, { minLength: cols, maxLength: cols }), magnitude, fc.nat(4)), {
      minLength: rows,
      maxLength: rows,
    })
    .map((rowSpecs) => ({
      data: Float32Array.from(rowSpecs.flatMap(([values, scale, zero]) => values.map((v) => (zero === 0 ? 0 : v * scale)))),
      rows,
      cols,
    }));
}

/** Dimensions that are not multiples of 4 are common on purpose (SIMD tails). */
export const dims = fc.oneof(fc.integer({ min: 1, max: 13 }), fc.constantFrom(31, 64, 67, 130));

/** Element-wise |actual − expected| ≤ tolerance(i), with a message naming the first miss. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: (i: number) => number, what = 'value'): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} ≠ ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= tolerance(i)) && !(Number.isNaN(a) && Number.isNaN(e))) {
      throw new Error(`${what} ${i}: got ${a}, expected ${e} (tolerance ${tolerance(i)})`);
    }
  }
}

export const squaredNorms = (m: Matrix) =>
  Array.from({ length: m.rows }, (_, i) => m.data.subarray(i * m.cols, (i + 1) * m.cols).reduce((s, x) => s + x * x, 0));

/** Variance of each row's values. */
export const rowVariances = (m: Matrix) =>
  Array.from({ length: m.rows }, (_, i) => {
    const row = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
    const mean = row.reduce((s, x) => s + x, 0) / row.length;
    return row.reduce((s, x) => s + (x - mean) ** 2, 0) / row.length;
  });

/**
 * SNR divides by the anchor's variance, so rows that are (nearly) constant make
 * it ill-conditioned by design; properties that compose SNR with further steps
 * only use anchors with some spread.
 */
export const wellConditionedAnchors = (m: Matrix) => {
  const norms = squaredNorms(m);
  return rowVariances(m).every((v, i) => v > 1e-8 && v > 1e-3 * (norms[i]! / m.cols));
};
