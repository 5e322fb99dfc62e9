import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { METRIC_NAMES, type Matrix, type Metric } from '../../../src/lib/kernels/index.ts';
import * as reference from './reference.ts';
import { dims, expectClose, kernels, matrixOfShape, RUNS, squaredNorms } from './setup.ts';

/**
 * Tolerances, from float32 inner products of up to 130 terms against float64:
 * - squared Euclidean: 1e-5 · (‖q‖² + ‖p‖²) + 1e-6 (cancellation in ‖q‖² + ‖p‖² − 2q·p scales with the norms)
 * - cosine: 1e-5 absolute
 * - SNR: 1e-4 · d + 1e-10 · (E[q²] + E[p²]) / var(q) (summed directly; the second term covers rounding of a large common
 *   offset: at 10,000 cases the fuzzer finds anchors with var(q) near 1e-8 of E[q²], where 1e-12 was too tight)
 * - Poincaré: 1e-4 · (1 + d) (‖u − v‖² is summed directly, without cancellation)
 */
function tolerance(metric: Metric, q: Matrix, p: Matrix, expected: Float32Array): (index: number) => number {
  const qn = squaredNorms(q);
  const pn = squaredNorms(p);
  return (index) => {
    const i = Math.floor(index / p.rows);
    const j = index % p.rows;
    const d = Math.abs(expected[index]!);
    switch (metric) {
      case 'euclidean':
        return 1e-5 * (qn[i]! + pn[j]!) + 1e-6;
      case 'cosine':
        return 1e-5;
      case 'snr': {
        const row = Array.from(q.data.subarray(i * q.cols, (i + 1) * q.cols));
        const mean = row.reduce((s, x) => s + x, 0) / row.length;
        const variance = Math.max(row.reduce((s, x) => s + (x - mean) ** 2, 0) / row.length, 1e-12);
        return (1e-10 * (qn[i]! / q.cols + pn[j]! / p.cols)) / variance + 1e-4 * d;
      }
      case 'poincare':
        return 1e-4 * (1 + d);
    }
  };
}

const shapes = fc.record({ nq: fc.integer({ min: 1, max: 7 }), np: fc.integer({ min: 1, max: 9 }), dim: dims });
const pairOfMatrices = shapes.chain(({ nq, np, dim }) => fc.tuple(matrixOfShape(nq, dim), matrixOfShape(np, dim)));

describe('distances', () => {
  for (const metric of METRIC_NAMES) {
    test(`${metric}: WASM matches the reference on random shapes and magnitudes`, () => {
      fc.assert(
        fc.property(pairOfMatrices, ([q, p]) => {
          const expected = reference.distances(metric, q, p).data;
          const actual = kernels.distances(metric, q, p);
          expect([actual.rows, actual.cols]).toEqual([q.rows, p.rows]);
          expectClose(actual.data, expected, tolerance(metric, q, p, expected), `${metric} distance`);
        }),
        { numRuns: RUNS },
      );
    });

    test(`${metric}: row-by-row distances equal the diagonal of the matrix`, () => {
      fc.assert(
        fc.property(
          fc.record({ n: fc.integer({ min: 1, max: 6 }), dim: dims }).chain(({ n, dim }) => fc.tuple(matrixOfShape(n, dim), matrixOfShape(n, dim))),
          ([a, b]) => {
            const actual = kernels.rowDistances(metric, a, b);
            const expected = reference.rowDistances(metric, a, b);
            const single = (m: Matrix, i: number) => ({ data: m.data.subarray(i * m.cols, (i + 1) * m.cols), rows: 1, cols: m.cols });
            expectClose(actual, expected, (i) => tolerance(metric, single(a, i), single(b, i), expected.subarray(i, i + 1))(0), `${metric} row distance`);
          },
        ),
        { numRuns: RUNS / 2 },
      );
    });

    test(`${metric}: never returns NaN or a negative distance`, () => {
      fc.assert(
        fc.property(pairOfMatrices, ([q, p]) => {
          for (const d of kernels.distances(metric, q, p).data) expect(d >= 0 && Number.isFinite(d)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('distances: known answers', () => {
  const m = (rows: number[][]) => ({ data: Float32Array.from(rows.flat()), rows: rows.length, cols: rows[0]!.length });

  test('squared Euclidean of a 3-4-5 triangle is 25', () => {
    expect(kernels.distances('euclidean', m([[0, 0]]), m([[3, 4]])).data[0]).toBeCloseTo(25, 5);
  });

  test('cosine distance is 0 for parallel, 1 for orthogonal, 2 for opposite vectors, and 1 for a zero vector', () => {
    const d = kernels.distances('cosine', m([[1, 0]]), m([[2, 0], [0, 3], [-1, 0], [0, 0]])).data;
    expect(Array.from(d)).toEqual([0, 1, 2, 1]);
  });

  test('SNR distance is var(noise) / var(anchor)', () => {
    // noise [1, −1, 1, −1] has variance 1; the anchor [1, 2, 3, 4] has variance 1.25
    const d = kernels.distances('snr', m([[1, 2, 3, 4]]), m([[2, 1, 4, 3]])).data[0]!;
    expect(d).toBeCloseTo(0.8, 5);
  });

  test('SNR distance ignores a constant offset of the prototype, unlike Euclidean distance', () => {
    const anchor = m([[1, 2, 3, 4]]);
    const shifted = m([[11, 12, 13, 14]]);
    expect(kernels.distances('snr', anchor, shifted).data[0]).toBeCloseTo(0, 6);
    expect(kernels.distances('euclidean', anchor, shifted).data[0]).toBeCloseTo(400, 3);
  });

  test('Poincaré distance from the origin to the image of x is 2‖x‖', () => {
    expect(kernels.distances('poincare', m([[0, 0]]), m([[0.3, 0.4]])).data[0]).toBeCloseTo(1, 5);
  });

  test('Poincaré distance stays finite for norms far beyond the ball, clamped at the edge', () => {
    const d = kernels.distances('poincare', m([[0, 0], [1e6, 0]]), m([[1e6, 0], [-1e6, 0]])).data;
    for (const x of d) expect(Number.isFinite(x)).toBe(true);
    expect(d[0]).toBeCloseTo(2 * Math.atanh(1 - 1e-5), 2);
  });
});
