import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Matrix } from '../../../src/lib/kernels/index.ts';
import * as reference from './reference.ts';
import { kernels, matrixOfShape, RUNS } from './setup.ts';

const unitDirections = (dim: number, count: number) =>
  fc.array(fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim }), { minLength: count, maxLength: count }).map((rows): Matrix => {
    const unit = rows.map((r) => {
      const norm = Math.hypot(...r);
      return norm < 1e-3 ? r.map((_, k) => (k === 0 ? 1 : 0)) : r.map((x) => x / norm);
    });
    return { data: Float32Array.from(unit.flat()), rows: count, cols: dim };
  });

const clouds = fc.record({ n: fc.integer({ min: 1, max: 60 }), dim: fc.integer({ min: 1, max: 5 }), count: fc.integer({ min: 1, max: 12 }) }).chain(({ n, dim, count }) =>
  fc.tuple(matrixOfShape(n, dim), matrixOfShape(n, dim), unitDirections(dim, count)),
);

describe('sliced Wasserstein', () => {
  test('matches sorting in plain TypeScript on random clouds and directions', () => {
    fc.assert(
      fc.property(clouds, ([a, b, directions]) => {
        const actual = kernels.transport.slicedWasserstein(a, b, directions);
        const expected = reference.slicedWasserstein(a, b, directions);
        const scale = Math.max(1, ...Array.from(a.data, Math.abs), ...Array.from(b.data, Math.abs)) ** 2;
        actual.perDirection.forEach((v, d) => expect(Math.abs(v - expected.perDirection[d]!)).toBeLessThanOrEqual(1e-5 * scale));
        for (let d = 0; d < directions.rows; d++) {
          const row = actual.sortedA.data.subarray(d * a.rows, (d + 1) * a.rows);
          for (let i = 1; i < row.length; i++) expect(row[i]!).toBeGreaterThanOrEqual(row[i - 1]!);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('is zero between a cloud and a permutation of it, and a shift by t along θ costs t on θ', () => {
    const a: Matrix = { data: Float32Array.of(0, 0, 1, 0, 0, 1, 2, 2), rows: 4, cols: 2 };
    const permuted: Matrix = { data: Float32Array.of(2, 2, 0, 1, 0, 0, 1, 0), rows: 4, cols: 2 };
    const x: Matrix = { data: Float32Array.of(1, 0), rows: 1, cols: 2 };
    expect(kernels.transport.slicedWasserstein(a, permuted, x).distance).toBe(0);
    const shifted: Matrix = { data: a.data.map((v, i) => (i % 2 === 0 ? v + 0.5 : v)), rows: 4, cols: 2 };
    expect(kernels.transport.slicedWasserstein(a, shifted, x).distance).toBeCloseTo(0.5, 6);
  });

  test('rejects clouds of different sizes and directions that are not unit vectors', () => {
    const a: Matrix = { data: new Float32Array(4), rows: 2, cols: 2 };
    const b: Matrix = { data: new Float32Array(6), rows: 3, cols: 2 };
    const x: Matrix = { data: Float32Array.of(1, 0), rows: 1, cols: 2 };
    expect(() => kernels.transport.slicedWasserstein(a, b, x)).toThrow(/same number of points/);
    expect(() => kernels.transport.slicedWasserstein(a, a, { data: Float32Array.of(2, 0), rows: 1, cols: 2 })).toThrow(/unit vectors/);
  });
});
