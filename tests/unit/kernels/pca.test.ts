import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as reference from './reference.ts';
import { expectClose, kernels, matrixOfShape, RUNS } from './setup.ts';

/** Points with clearly separated variances along their axes, so the top two directions are well defined. */
const anisotropic = fc
  .record({ n: fc.integer({ min: 4, max: 30 }), dim: fc.integer({ min: 2, max: 12 }) })
  .chain(({ n, dim }) => matrixOfShape(n, dim))
  .map((m) => {
    const data = m.data.map((x, i) => x + 0.001 * Math.sin(i) * (i % m.cols));
    for (let i = 0; i < m.rows; i++) {
      for (let k = 0; k < m.cols; k++) data[i * m.cols + k] = (data[i * m.cols + k]! % 1) * 10 ** -k;
    }
    return { ...m, data };
  })
  .filter((m) => {
    const { variances } = reference.project2d(m);
    const all = reference.project2d(m).variances;
    return variances[0] > 1.5 * variances[1] && all[1] > 0;
  });

describe('project2d (PCA by power iteration)', () => {
  test('finds the same two directions and coordinates as an eigen-decomposition (tolerance 1e-3 · scale)', () => {
    fc.assert(
      fc.property(anisotropic, (m) => {
        const actual = kernels.project2d(m, 300);
        const expected = reference.project2d(m);
        const scale = Math.sqrt(expected.variances[0]);
        expectClose(actual.components.data.subarray(0, m.cols), expected.components.data.subarray(0, m.cols), () => 1e-3, 'first direction');
        expectClose(
          actual.coords.filter((_, i) => i % 2 === 0),
          expected.coords.filter((_, i) => i % 2 === 0),
          () => 1e-3 * scale,
          'first coordinate',
        );
        expect(Math.abs(actual.variances[0] - expected.variances[0])).toBeLessThanOrEqual(1e-3 * expected.variances[0]);
      }),
      { numRuns: RUNS / 2 },
    );
  });

  test('returns orthonormal directions for any input, rank-deficient and all-zero included', () => {
    fc.assert(
      fc.property(matrixOfShape(6, 5), (m) => {
        const { components, coords } = kernels.project2d(m);
        const a = components.data.subarray(0, 5);
        const b = components.data.subarray(5, 10);
        const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, k) => s + v * y[k]!, 0);
        const norms = [dot(a, a), dot(b, b)];
        for (const n of norms) expect(Math.abs(n - 1)).toBeLessThan(1e-4);
        expect(Math.abs(dot(a, b))).toBeLessThan(1e-4);
        for (const c of coords) expect(Number.isFinite(c)).toBe(true);
      }),
      { numRuns: RUNS / 2 },
    );
  });

  test('known answer: points on a line project onto it with their spread', () => {
    const m = { data: Float32Array.from([-2, -2, 0, 0, 2, 2]), rows: 3, cols: 2 };
    const { components, coords, variances } = kernels.project2d(m);
    expect(components.data[0]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(components.data[1]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(coords[0]).toBeCloseTo(-2 * Math.SQRT2, 4);
    expect(variances[0]).toBeCloseTo(8, 4);
  });
});
