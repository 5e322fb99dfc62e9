import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Matrix } from '../../../src/lib/kernels/index.ts';
import * as reference from './sampled-softmax-reference.ts';
import { expectClose, kernels, matrixOfShape, RUNS } from './setup.ts';

/** Labels, an input, a target and `draws` draws of m distinct negatives (never the target). */
const cases = fc
  .record({ count: fc.integer({ min: 2, max: 40 }), dim: fc.integer({ min: 1, max: 6 }), draws: fc.integer({ min: 1, max: 8 }) })
  .chain(({ count, dim, draws }) =>
    fc.record({
      labels: matrixOfShape(count, dim),
      input: fc.array(fc.float({ min: -4, max: 4, noNaN: true }), { minLength: dim, maxLength: dim }).map((v) => Float32Array.from(v)),
      target: fc.integer({ min: 0, max: count - 1 }),
      m: fc.integer({ min: 1, max: count - 1 }),
      draws: fc.constant(draws),
      seeds: fc.array(fc.nat(), { minLength: draws * count, maxLength: draws * count }),
      logCorrection: fc.double({ min: -5, max: 5, noNaN: true }),
    }),
  )
  .map(({ labels, input, target, m, draws, seeds, logCorrection }) => {
    const others = Array.from({ length: labels.rows }, (_, l) => l).filter((l) => l !== target);
    const negatives = Int32Array.from({ length: draws * m }, (_, i) => others[seeds[i]! % others.length]!);
    return { labels, input, target, m, negatives, logCorrection };
  });

describe('sampled softmax gradients', () => {
  test('match the f64 reference: the full gradient, every draw, the bias and the spread', () => {
    fc.assert(
      fc.property(cases, ({ labels, input, target, negatives, m, logCorrection }) => {
        const actual = kernels.sampling.gradients(labels, input, target, negatives, m, logCorrection);
        const expected = reference.gradients(labels, input, target, negatives, m, logCorrection);
        // Probabilities are within float32 rounding of exact; the label embeddings are at most 30 in size.
        const size = Math.max(1, ...Array.from(labels.data, Math.abs));
        expectClose(actual.full, expected.full, () => 1e-4 * size, 'full gradient');
        expectClose(actual.each.data, expected.each.flat(), () => 1e-4 * size, 'sampled gradient');
        expect(Math.abs(actual.bias - expected.bias)).toBeLessThanOrEqual(2e-4 * size);
        expect(Math.abs(actual.spread - expected.spread)).toBeLessThanOrEqual(2e-4 * size);
      }),
      { numRuns: RUNS },
    );
  });

  test('with every negative sampled once and no correction, the sampled gradient is the full one', () => {
    const labels: Matrix = { data: Float32Array.of(1, 0, 0, 1, -1, 0, 0.5, 0.5), rows: 4, cols: 2 };
    const input = Float32Array.of(0.3, -2);
    const result = kernels.sampling.gradients(labels, input, 1, Int32Array.of(0, 2, 3, 3, 2, 0), 3, 0);
    expectClose(result.each.data, [...result.full, ...result.full], () => 1e-6);
    expect(result.bias).toBeLessThan(1e-6);
    expect(result.spread).toBeLessThan(1e-6);
    // …and not a trivial zero: the input does not already pick the target with certainty.
    expect(Math.hypot(...result.full)).toBeGreaterThan(0.1);
  });

  test('uniform sampling of one negative with the log(m / (N − 1)) correction is biased, and its draws differ', () => {
    const count = 50;
    const labels: Matrix = { data: Float32Array.from({ length: count * 2 }, (_, i) => Math.sin(i * 1.7)), rows: count, cols: 2 };
    const negatives = Int32Array.from({ length: 200 }, (_, i) => 1 + ((i * 7) % (count - 1)));
    const result = kernels.sampling.gradients(labels, Float32Array.of(3, 1), 0, negatives, 1, Math.log(1 / (count - 1)));
    expect(result.bias).toBeGreaterThan(0.01);
    expect(result.spread).toBeGreaterThan(0.01);
  });

  test('rejects a negative that is the target, or draws that do not divide by m', () => {
    const labels: Matrix = { data: Float32Array.of(1, 0, 0, 1, -1, 0), rows: 3, cols: 2 };
    const input = Float32Array.of(1, 1);
    expect(() => kernels.sampling.gradients(labels, input, 0, Int32Array.of(1, 0), 1, 0)).toThrow(/not a label other than the target/);
    expect(() => kernels.sampling.gradients(labels, input, 0, Int32Array.of(1, 2, 1), 2, 0)).toThrow(/not a whole number/);
    expect(() => kernels.sampling.gradients(labels, Float32Array.of(1), 0, Int32Array.of(1), 1, 0)).toThrow(/same space/);
  });
});
