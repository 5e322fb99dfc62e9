import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Matrix } from '../../../src/lib/kernels/index.ts';
import * as reference from './propagation-reference.ts';
import { expectClose, kernels, matrixOfShape, RUNS } from './setup.ts';

const cases = fc
  .record({ n: fc.integer({ min: 2, max: 24 }), dim: fc.integer({ min: 1, max: 4 }), classes: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, dim, classes }) =>
    fc.record({
      points: matrixOfShape(n, dim),
      labels: fc.array(fc.integer({ min: -1, max: classes - 1 }), { minLength: n, maxLength: n }),
      classes: fc.constant(classes),
      k: fc.integer({ min: 1, max: n - 1 }),
      sigma: fc.constantFrom(0.1, 0.5, 1, 3),
      alpha: fc.double({ min: 0, max: 0.99, noNaN: true }),
      iterations: fc.integer({ min: 0, max: 12 }),
    }),
  );

describe('label propagation', () => {
  test('matches the f64 reference: the same k-NN graph and F after each number of steps', () => {
    fc.assert(
      fc.property(cases, ({ points, labels, classes, ...options }) => {
        const actual = kernels.graph.propagate(points, labels, classes, options);
        const expected = reference.propagate(points, labels, classes, options);
        expect(Array.from(actual.neighbours)).toEqual(expected.neighbours.flat());
        // S has spectral radius ≤ 1, so |F| ≤ 1: the only loss is float32 rounding of the result.
        expectClose(actual.scores.data, expected.scores.flat(), () => 1e-6, 'score');
      }),
      { numRuns: RUNS },
    );
  });

  test('on two separated pairs, each label reaches its own pair only; α = 0 keeps F = Y', () => {
    const points: Matrix = { data: Float32Array.of(0, 0, 0.1, 0, 5, 5, 5.1, 5), rows: 4, cols: 2 };
    const options = { k: 1, sigma: 1, alpha: 0.9, iterations: 30 };
    const { scores, neighbours } = kernels.graph.propagate(points, [0, -1, 1, -1], 2, options);
    expect(Array.from(neighbours)).toEqual([1, 0, 3, 2]);
    expect(scores.data[1 * 2 + 0]).toBeGreaterThan(0.1);
    expect(scores.data[1 * 2 + 1]).toBe(0);
    expect(scores.data[3 * 2 + 1]).toBeGreaterThan(0.1);
    expect(scores.data[3 * 2 + 0]).toBe(0);
    const still = kernels.graph.propagate(points, [0, -1, 1, -1], 2, { ...options, alpha: 0 });
    expect(Array.from(still.scores.data)).toEqual([1, 0, 0, 0, 0, 1, 0, 0]);
  });

  test('reaches its fixed point F = αSF + (1 − α)Y: one more step changes nothing', () => {
    const points: Matrix = { data: Float32Array.of(0, 0, 1, 0, 2, 0.5, 3, 0, 4, 1), rows: 5, cols: 2 };
    const options = { k: 2, sigma: 1.5, alpha: 0.5 };
    const many = kernels.graph.propagate(points, [0, -1, -1, -1, 1], 2, { ...options, iterations: 200 }).scores.data;
    const more = kernels.graph.propagate(points, [0, -1, -1, -1, 1], 2, { ...options, iterations: 201 }).scores.data;
    expectClose(many, more, () => 1e-7, 'fixed point');
  });

  test('rejects bad options and labels with messages that say what to do', () => {
    const points: Matrix = { data: new Float32Array(6), rows: 3, cols: 2 };
    const ok = { k: 1, sigma: 1, alpha: 0.5, iterations: 1 };
    expect(() => kernels.graph.propagate(points, [0, -1, -1], 2, { ...ok, k: 3 })).toThrow(/needs at least 4 points/);
    expect(() => kernels.graph.propagate(points, [0, -1, -1], 2, { ...ok, alpha: 1 })).toThrow(/α must lie in \[0, 1\)/);
    expect(() => kernels.graph.propagate(points, [0, 2, -1], 2, ok)).toThrow(/Label 2 at row 1 is out of range/);
    expect(() => kernels.graph.propagate(points, [0, -1], 2, ok)).toThrow(/3 points but 2 labels/);
    expect(() => kernels.graph.propagate({ ...points, data: Float32Array.of(0, 0, Number.NaN, 0, 1, 1) }, [0, -1, -1], 2, ok)).toThrow(/Points contains NaN at row 1, column 0/);
  });
});
