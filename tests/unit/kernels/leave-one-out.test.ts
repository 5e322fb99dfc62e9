import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError, METRIC_NAMES } from '../../../src/lib/kernels/index.ts';
import * as reference from './reference.ts';
import { expectClose, kernels, matrixOfShape, RUNS, wellConditionedAnchors } from './setup.ts';

/** Classes of 1 to 5 examples each, labels shuffled so classes are not contiguous. */
const supportsArb = fc
  .record({ shots: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), dim: fc.integer({ min: 1, max: 19 }) })
  .chain(({ shots, dim }) => {
    const labels = shots.flatMap((count, c) => Array<number>(count).fill(c));
    return fc.tuple(matrixOfShape(labels.length, dim), fc.shuffledSubarray(labels, { minLength: labels.length })).map(([m, order]) => ({ m, labels: order, classes: shots.length }));
  });

describe('leaveOneOutDistances', () => {
  for (const metric of METRIC_NAMES) {
    test(`${metric}: each support's distance to its class mean without it, NaN for a class of one`, () => {
      fc.assert(
        fc.property(supportsArb, ({ m, labels, classes }) => {
          if (metric === 'snr') fc.pre(wellConditionedAnchors(m));
          const actual = kernels.leaveOneOutDistances(metric, m, labels, classes);
          const expected = reference.leaveOneOutRows(metric, m, labels);
          expectClose(actual, expected, (i) => 2e-3 * (1 + Math.abs(expected[i]!)), 'distance');
          labels.forEach((label, i) => expect(Number.isNaN(actual[i]!)).toBe(labels.filter((l) => l === label).length === 1));
        }),
        { numRuns: RUNS / 2 },
      );
    });
  }

  test('gives what calibrateOpenSet takes its quantile of', () => {
    const supports = { data: Float32Array.from([0, 0, 1, 0, 0, 2, 5, 5, 9, 9]), rows: 5, cols: 2 };
    const labels = [0, 0, 0, 1, 2];
    const distances = kernels.leaveOneOutDistances('euclidean', supports, labels, 3);
    // Row 0 against the mean of (1, 0) and (0, 2), that is (0.5, 1): 0.25 + 1.
    expect(distances[0]).toBeCloseTo(1.25, 5);
    expect(Number.isNaN(distances[3]!) && Number.isNaN(distances[4]!)).toBe(true);
    expect(kernels.calibrateOpenSet('euclidean', supports, labels, 3, 1).threshold).toBeCloseTo(Math.max(...distances.slice(0, 3)), 5);
  });

  test('rejects labels out of range like the other kernels', () => {
    const m = { data: Float32Array.from([1, 2, 3, 4]), rows: 2, cols: 2 };
    expect(() => kernels.leaveOneOutDistances('cosine', m, [0, 2], 2)).toThrow(KernelInputError);
  });
});

describe('classify options', () => {
  const supports = { data: Float32Array.from({ length: 9 * 5 }, (_, i) => Math.sin(i * 0.7) + (i % 5 === Math.floor(i / 15) ? 3 : 0)), rows: 9, cols: 5 };
  const queries = { data: Float32Array.from({ length: 4 * 5 }, (_, i) => Math.cos(i * 1.1)), rows: 4, cols: 5 };
  const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
  const base = { supports, labels, classes: 3, queries, metric: 'euclidean' as const };

  test('a given threshold decides "unknown"; the calibration is still computed', () => {
    const calibrated = kernels.classify(base);
    const never = kernels.classify({ ...base, threshold: Infinity });
    const always = kernels.classify({ ...base, threshold: -1 });
    expect(Array.from(never.unknown)).toEqual([0, 0, 0, 0]);
    expect(Array.from(always.unknown)).toEqual([1, 1, 1, 1]);
    expect(never.calibration).toEqual(calibrated.calibration);
    expect(Array.from(always.distances.data)).toEqual(Array.from(calibrated.distances.data));
    expect(() => kernels.classify({ ...base, threshold: Number.NaN })).toThrow(/threshold is NaN/);
  });

  test('mass is the number of supports per class without refinement', () => {
    expect(Array.from(kernels.classify(base).mass)).toEqual([3, 3, 3]);
  });

  test("mass after refinement is the reference's last-step denominator, and rebuilds the refined prototypes", () => {
    for (const metric of METRIC_NAMES) {
      const result = kernels.classify({ ...base, metric, refineIterations: 3, temperature: 0.8 });
      const expected = reference.refineWithMass(metric, supports, labels, 3, queries, 3, 0.8);
      expectClose(result.mass, expected.mass, (i) => 1e-4 * expected.mass[i]!, `${metric} mass`);
      expectClose(result.prototypes.data, expected.prototypes.data, () => 2e-3, `${metric} prototype`);
    }
  });
});
