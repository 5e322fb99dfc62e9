import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError } from '../../../src/lib/kernels/index.ts';
import * as reference from './ranking-reference.ts';
import { expectClose, kernels, RUNS } from './setup.ts';

/** One query's list: distances in [0, 4] (squared Euclidean between unit vectors) and relevance flags, at least one positive. */
const list = fc
  .array(fc.tuple(fc.float({ min: 0, max: 4, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 30 })
  .map((items) => ({ distances: Float32Array.from(items.map(([d]) => d)), relevant: items.map(([, r], i) => (r || i === 0 ? 1 : 0)) }));
const bins = fc.integer({ min: 1, max: 60 });

describe('FastAP', () => {
  test('matches the histogram formula in f64: value, soft histograms and gradient', () => {
    fc.assert(
      fc.property(list, bins, ({ distances, relevant }, L) => {
        const actual = kernels.losses.fastAP(distances, relevant, L);
        const expected = reference.fastAP(distances, relevant, L);
        expect(Math.abs(actual.fastAP - expected.fastAP)).toBeLessThanOrEqual(1e-9);
        expectClose(actual.histogramPositive, expected.histogramPositive, () => 1e-5, 'h⁺');
        expectClose(actual.histogramNegative, expected.histogramNegative, () => 1e-5, 'h⁻');
        const scale = 1 + Math.max(...expected.gradient.map(Math.abs));
        expectClose(actual.gradient, expected.gradient, () => 1e-5 * scale, '∂FastAP/∂d');
      }),
      { numRuns: RUNS },
    );
  });

  test('its gradient is the slope of FastAP: central differences agree away from the bin centres (the kinks)', () => {
    fc.assert(
      fc.property(list, bins, ({ distances, relevant }, L) => {
        const width = 4 / L;
        const { gradient } = kernels.losses.fastAP(distances, relevant, L);
        const h = 1e-7;
        distances.forEach((d, i) => {
          const offset = d / width - Math.round(d / width);
          if (Math.abs(offset) * width < 1e-4) return;
          const moved = (delta: number) => reference.fastAP(Array.from(distances, (v, j) => (j === i ? v + delta : v)), relevant, L).fastAP;
          const slope = (moved(h) - moved(-h)) / (2 * h);
          expect(Math.abs(gradient[i]! - slope)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(slope)));
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('is 1, like exact AP, when the positives and negatives are at least one bin apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.nat(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 20 }), (L, split, fractions) => {
        const width = 4 / L;
        const k = split % L;
        const distances = Float32Array.from(fractions, (f, i) => (i % 2 === 0 ? f * k * width : (k + 1) * width + f * (4 - (k + 1) * width)));
        const relevant = fractions.map((_, i) => (i % 2 === 0 ? 1 : 0));
        // float32 rounding can push a value just past a bin edge; keep the cases that are exactly what the property states.
        if (distances.some((d, i) => (i % 2 === 0 ? d > k * width : d < (k + 1) * width))) return;
        expect(kernels.losses.fastAP(distances, relevant, L).fastAP).toBeCloseTo(1, 12);
        expect(kernels.losses.averagePrecision(distances, relevant)).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });

  test('a hand-worked case: two positives, one negative between them, one bin per unit', () => {
    // d⁺ = 0 and 2, d⁻ = 1, L = 4 over [0, 4]: h⁺ = (1, 0, 1, 0, 0), h⁻ = (0, 1, 0, 0, 0);
    // FastAP = ½ (1·1/1 + 1·2/3) = 5/6, and exact AP = ½ (1/1 + 2/3) = 5/6 too.
    const result = kernels.losses.fastAP(Float32Array.of(0, 1, 2), [1, 0, 1], 4);
    expect(Array.from(result.histogramPositive)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(result.histogramNegative)).toEqual([0, 1, 0, 0, 0]);
    expect(result.fastAP).toBeCloseTo(5 / 6, 12);
    expect(kernels.losses.averagePrecision(Float32Array.of(0, 1, 2), [1, 0, 1])).toBeCloseTo(5 / 6, 12);
  });
});

describe('exact average precision', () => {
  test('matches ranking by sort in f64', () => {
    fc.assert(
      fc.property(list, ({ distances, relevant }) => {
        expect(Math.abs(kernels.losses.averagePrecision(distances, relevant) - reference.averagePrecision(distances, relevant))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  test('rejects a list without positives, flags other than 0 and 1, distances outside [0, 4], and no bins', () => {
    const d = Float32Array.of(0.5, 1);
    expect(() => kernels.losses.averagePrecision(d, [0, 0])).toThrow(/at least one positive/);
    expect(() => kernels.losses.fastAP(d, [1, 2], 10)).toThrow(/1 \(a positive\) or 0/);
    expect(() => kernels.losses.fastAP(Float32Array.of(0.5, 4.5), [1, 0], 10)).toThrow(/outside \[0, 4\]/);
    expect(() => kernels.losses.fastAP(d, [1, 0], 0)).toThrow(KernelInputError);
    expect(() => kernels.losses.fastAP(d, [1], 10)).toThrow(/Every item needs a relevance/);
  });
});

describe('Ranked List Loss', () => {
  const options = fc.record({
    alpha: fc.double({ min: 0.1, max: 2, noNaN: true }),
    margin: fc.double({ min: 0, max: 1, noNaN: true }),
    temperature: fc.double({ min: 0, max: 20, noNaN: true }),
  });
  const euclidean = list.map(({ distances, relevant }) => ({ distances: distances.map((d) => d / 2), relevant }));

  test('matches the paper’s sets and weights in f64', () => {
    fc.assert(
      fc.property(euclidean, options, ({ distances, relevant }, o) => {
        const actual = kernels.losses.rankedList(distances, relevant, o);
        const expected = reference.rankedList(distances, relevant, o);
        expect(Math.abs(actual.lossPositive - expected.lossPositive)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(actual.lossNegative - expected.lossNegative)).toBeLessThanOrEqual(1e-9 * (1 + expected.lossNegative));
        expect(actual.loss).toBeCloseTo(actual.lossPositive + actual.lossNegative, 12);
        expectClose(actual.weights, expected.weights, () => 1e-6, 'weight');
      }),
      { numRuns: RUNS },
    );
  });

  test('is zero once every positive is within α − m and every negative beyond α; the negatives’ weights sum to 1', () => {
    const o = { alpha: 1.2, margin: 0.4, temperature: 10 };
    const apart = kernels.losses.rankedList(Float32Array.of(0.3, 0.79, 1.21, 1.9), [1, 1, 0, 0], o);
    expect(apart.loss).toBe(0);
    expect(Array.from(apart.weights)).toEqual([0, 0, 0, 0]);
    const mixed = kernels.losses.rankedList(Float32Array.of(0.3, 1.0, 0.9, 1.1, 1.5), [1, 1, 0, 0, 0], o);
    expect(mixed.weights[2]! + mixed.weights[3]!).toBeCloseTo(1, 6);
    // The nearer negative weighs e^{T·0.2} = e² times the farther one.
    expect(mixed.weights[2]! / mixed.weights[3]!).toBeCloseTo(Math.exp(2), 4);
    expect(mixed.lossPositive).toBeCloseTo(1.0 - 0.8, 6);
  });

  test('weighs the non-trivial negatives equally at T = 0, and never overflows at large T', () => {
    const d = Float32Array.of(0.5, 0.1, 0.6, 1.1);
    const flat = kernels.losses.rankedList(d, [1, 0, 0, 0], { alpha: 1.2, margin: 0.4, temperature: 0 });
    expect(Array.from(flat.weights.subarray(1)).map((w) => w.toFixed(6))).toEqual(['0.333333', '0.333333', '0.333333']);
    const sharp = kernels.losses.rankedList(d, [1, 0, 0, 0], { alpha: 1.2, margin: 0.4, temperature: 5000 });
    expect(sharp.weights[1]).toBeCloseTo(1, 6);
    expect(Number.isFinite(sharp.loss)).toBe(true);
    expect(() => kernels.losses.rankedList(d, [1, 0, 0, 0], { alpha: 1.2, margin: -0.1, temperature: 1 })).toThrow(KernelInputError);
  });
});
