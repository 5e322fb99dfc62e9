import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as reference from './reference.ts';
import { expectClose, kernels, RUNS } from './setup.ts';

const distanceMatrix = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 9 }) })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.oneof(fc.float({ min: 0, max: 10, noNaN: true }), fc.float({ min: 0, max: Math.fround(1e30), noNaN: true })), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map((values) => ({ data: Float32Array.from(values), rows, cols })),
  );

describe('probabilities', () => {
  test('match a log-sum-exp softmax of −d/T and sum to 1, for distances up to 1e30 (tolerance 1e-6)', () => {
    fc.assert(
      fc.property(distanceMatrix, fc.float({ min: Math.fround(0.01), max: 100, noNaN: true }), (d, temperature) => {
        const actual = kernels.probabilities(d, temperature);
        const expected = reference.probabilities(d, temperature);
        expectClose(actual.data, expected.data, () => 1e-6);
        for (let i = 0; i < d.rows; i++) {
          const sum = actual.data.subarray(i * d.cols, (i + 1) * d.cols).reduce((s, p) => s + p, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('known answer: distances 0 and ln 2 give 2/3 and 1/3', () => {
    const p = kernels.probabilities({ data: Float32Array.from([0, Math.LN2]), rows: 1, cols: 2 }, 1).data;
    expect(p[0]).toBeCloseTo(2 / 3, 6);
    expect(p[1]).toBeCloseTo(1 / 3, 6);
  });

  test('a higher temperature flattens the distribution', () => {
    const d = { data: Float32Array.from([1, 2, 4]), rows: 1, cols: 3 };
    const sharp = kernels.probabilities(d, 0.5).data[0]!;
    const flat = kernels.probabilities(d, 5).data[0]!;
    expect(sharp).toBeGreaterThan(flat);
    expect(flat).toBeGreaterThan(1 / 3);
  });
});

describe('nearest', () => {
  test('finds the smallest distance of each row, first one on ties', () => {
    fc.assert(
      fc.property(distanceMatrix, (d) => {
        const actual = kernels.nearest(d);
        const expected = reference.nearest(d);
        expect(Array.from(actual.index)).toEqual(Array.from(expected.index));
        expect(Array.from(actual.distance)).toEqual(Array.from(expected.distance));
      }),
      { numRuns: RUNS },
    );
  });
});
