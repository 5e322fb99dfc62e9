import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { METRIC_NAMES, quantileOf } from '../../../src/lib/kernels/index.ts';
import * as reference from './reference.ts';
import { kernels, matrixOfShape, RUNS, wellConditionedAnchors } from './setup.ts';

const supportsArb = fc
  .record({ classes: fc.integer({ min: 1, max: 4 }), shots: fc.integer({ min: 1, max: 5 }), dim: fc.integer({ min: 1, max: 19 }) })
  .chain(({ classes, shots, dim }) =>
    matrixOfShape(classes * shots, dim).map((m) => ({
      m,
      classes,
      labels: Array.from({ length: classes * shots }, (_, i) => i % classes),
    })),
  );

describe('calibrateOpenSet', () => {
  for (const metric of METRIC_NAMES) {
    test(`${metric}: the threshold is the quantile of leave-one-out distances`, () => {
      fc.assert(
        fc.property(supportsArb, fc.constantFrom(0.5, 0.9, 0.95, 1), ({ m, labels, classes }, q) => {
          if (metric === 'snr') fc.pre(wellConditionedAnchors(m));
          const actual = kernels.calibrateOpenSet(metric, m, labels, classes, q);
          const distances = reference.leaveOneOutDistances(metric, m, labels);
          const expected = quantileOf(distances, q);
          expect(actual.samples).toBe(distances.length);
          if (expected === Infinity) expect(actual.threshold).toBe(Infinity);
          else expect(Math.abs(actual.threshold - expected)).toBeLessThanOrEqual(2e-3 * (1 + Math.abs(expected)));
        }),
        { numRuns: RUNS / 2 },
      );
    });
  }

  test('cannot calibrate from classes of one example each, and says so with an infinite threshold', () => {
    const m = { data: Float32Array.from([0, 0, 5, 5]), rows: 2, cols: 2 };
    expect(kernels.calibrateOpenSet('euclidean', m, [0, 1], 2)).toEqual({ threshold: Infinity, samples: 0 });
  });
});

describe('classify', () => {
  test('answers "unknown" for a query far from every class, and a class for one near it', () => {
    const supports = {
      data: Float32Array.from([0, 0, 0.2, 0, 0, 0.2, 10, 10, 10.2, 10, 10, 10.2]),
      rows: 6,
      cols: 2,
    };
    const queries = { data: Float32Array.from([0.1, 0.1, 10.1, 9.9, -40, 40]), rows: 3, cols: 2 };
    const result = kernels.classify({ supports, labels: [0, 0, 0, 1, 1, 1], classes: 2, queries, metric: 'euclidean' });
    expect(Array.from(result.predicted)).toEqual([0, 1, 0]);
    expect(Array.from(result.unknown)).toEqual([0, 0, 1]);
    expect(result.calibration.samples).toBe(6);
  });

  test('equals the composition of the reference steps (well-conditioned data; tolerance 2e-3 relative)', () => {
    const wave = (seed: number, rows: number, cols: number) => ({
      data: Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(seed * 0.37 + i * 1.7) + 0.3 * Math.cos(i * seed)),
      rows,
      cols,
    });
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1000 }),
          classes: fc.integer({ min: 2, max: 4 }),
          shots: fc.integer({ min: 1, max: 4 }),
          nq: fc.integer({ min: 1, max: 6 }),
          dim: fc.integer({ min: 4, max: 23 }),
          metric: fc.constantFrom(...METRIC_NAMES),
          normalization: fc.constantFrom('none', 'l2', 'cl2n' as const),
          iterations: fc.integer({ min: 0, max: 3 }),
        }),
        ({ seed, classes, shots, nq, dim, metric, normalization, iterations }) => {
          const supports = wave(seed, classes * shots, dim);
          const queries = wave(seed + 7, nq, dim);
          const labels = Array.from({ length: classes * shots }, (_, i) => i % classes);
          const result = kernels.classify({ supports, labels, classes, queries, metric, normalization, refineIterations: iterations, temperature: 0.7 });
          const mean = normalization === 'cl2n' ? reference.columnMean(supports) : undefined;
          const s = reference.normalize(supports, normalization, mean);
          const q = reference.normalize(queries, normalization, mean);
          const protos = reference.refine(metric, s, labels, classes, q, iterations, 0.7);
          const d = reference.distances(metric, q, protos);
          const p = reference.probabilities(d, 0.7);
          for (let i = 0; i < d.data.length; i++) {
            expect(Math.abs(result.distances.data[i]! - d.data[i]!)).toBeLessThanOrEqual(2e-3 * (1 + Math.abs(d.data[i]!)));
            expect(Math.abs(result.probabilities.data[i]! - p.data[i]!)).toBeLessThanOrEqual(2e-3);
          }
          const threshold = quantileOf(reference.leaveOneOutDistances(metric, s, labels), 0.95);
          if (threshold === Infinity) expect(result.calibration.threshold).toBe(Infinity);
          else expect(Math.abs(result.calibration.threshold - threshold)).toBeLessThanOrEqual(2e-3 * (1 + threshold));
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});

describe('predict', () => {
  test("gives classify's answers from classify's prototypes, mean and threshold, for every normalisation", () => {
    const supports = { data: Float32Array.from({ length: 12 * 7 }, (_, i) => Math.sin(i * 0.9) + (i % 7 === i % 3 ? 2 : 0)), rows: 12, cols: 7 };
    const queries = { data: Float32Array.from({ length: 5 * 7 }, (_, i) => Math.cos(i * 1.3)), rows: 5, cols: 7 };
    const labels = Array.from({ length: 12 }, (_, i) => i % 3);
    for (const normalization of ['none', 'l2', 'cl2n'] as const) {
      for (const metric of METRIC_NAMES) {
        const full = kernels.classify({ supports, labels, classes: 3, queries, metric, normalization, temperature: 0.5 });
        const live = kernels.predict({ queries, prototypes: full.prototypes, metric, normalization, temperature: 0.5, threshold: full.calibration.threshold, mean: full.mean });
        expect(Array.from(live.distances.data)).toEqual(Array.from(full.distances.data));
        expect(Array.from(live.probabilities.data)).toEqual(Array.from(full.probabilities.data));
        expect(Array.from(live.unknown)).toEqual(Array.from(full.unknown));
      }
    }
  });

  test('refuses cl2n without the mean to centre on', () => {
    const m = { data: Float32Array.from([1, 2, 3, 4]), rows: 2, cols: 2 };
    expect(() => kernels.predict({ queries: m, prototypes: m, metric: 'cosine', normalization: 'cl2n' })).toThrow(/needs the supports' mean/);
  });
});
