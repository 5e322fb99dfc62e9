import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError, type Matrix } from '../../../src/lib/kernels/index.ts';
import * as reference from './reference.ts';
import { expectClose, kernels, RUNS } from './setup.ts';

const similarity = fc.float({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true });

describe('circle loss', () => {
  test('matches the reference for any pair, margin and scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(similarity, similarity), { minLength: 1, maxLength: 40 }),
        fc.float({ min: 0, max: Math.fround(0.9), noNaN: true }),
        fc.float({ min: Math.fround(0.5), max: 512, noNaN: true }),
        (pairs, margin, scale) => {
          const sn = Float32Array.from(pairs.map(([n]) => n));
          const sp = Float32Array.from(pairs.map(([, p]) => p));
          const actual = kernels.losses.circle(sn, sp, margin, scale);
          const expected = pairs.map(([n, p]) => reference.circleLoss(Math.fround(n), Math.fround(p), Math.fround(margin), Math.fround(scale)));
          const tol = (values: number[]) => (i: number) => 1e-5 * (1 + Math.abs(values[i]!));
          expectClose(actual.loss, expected.map((e) => e.loss), tol(expected.map((e) => e.loss)), 'loss');
          expectClose(actual.gradN, expected.map((e) => e.gradN), tol(expected.map((e) => e.gradN)), '∂L/∂s_n');
          expectClose(actual.gradP, expected.map((e) => e.gradP), tol(expected.map((e) => e.gradP)), '∂L/∂s_p');
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('its decision boundary is the circle s_n² + (s_p − 1)² = 2m², where the loss is log 2', () => {
    const m = 0.25;
    const angles = [0.1, 0.5, 1, 1.4];
    const sn = Float32Array.from(angles.map((t) => Math.SQRT2 * m * Math.sin(t)));
    const sp = Float32Array.from(angles.map((t) => 1 - Math.SQRT2 * m * Math.cos(t)));
    for (const loss of kernels.losses.circle(sn, sp, m, 64).loss) expect(loss).toBeCloseTo(Math.LN2, 4);
  });

  test('a similarity far from its optimum is pushed harder than one near it, unlike (s_n − s_p)', () => {
    const { gradN, gradP } = kernels.losses.circle(Float32Array.of(0.8), Float32Array.of(0.9), 0.25, 32);
    // s_n = 0.8 is 1.05 from its optimum −m; s_p = 0.9 is 0.35 from its optimum 1 + m: three times the push.
    expect(gradN[0]! / Math.abs(gradP[0]!)).toBeCloseTo(3, 4);
  });

  test('rejects mismatched lengths, a margin outside [0, 1), and NaN', () => {
    expect(() => kernels.losses.circle(Float32Array.of(0.1), Float32Array.of(0.1, 0.2), 0.25, 32)).toThrow(/as many s_n as s_p/);
    expect(() => kernels.losses.circle(Float32Array.of(0.1), Float32Array.of(0.2), 1.5, 32)).toThrow(/margin/);
    expect(() => kernels.losses.circle(Float32Array.of(Number.NaN), Float32Array.of(0.2), 0.25, 32)).toThrow(KernelInputError);
  });
});

/** A batch of unit vectors in a few dimensions with 2–3 classes, each with at least two members. */
const batch = fc.record({ perClass: fc.integer({ min: 2, max: 4 }), classes: fc.integer({ min: 2, max: 3 }), dim: fc.integer({ min: 2, max: 6 }) }).chain(({ perClass, classes, dim }) =>
  fc.array(fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim }), { minLength: perClass * classes, maxLength: perClass * classes }).map((rows) => {
    const unit = rows.map((r) => {
      const norm = Math.hypot(...r) || 1;
      return r.map((x) => (x === 0 && norm === 1 ? 1 / Math.sqrt(dim) : x / norm));
    });
    const n = unit.length;
    const sim: Matrix = { data: new Float32Array(n * n), rows: n, cols: n };
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sim.data[i * n + j] = unit[i]!.reduce((s, x, k) => s + x * unit[j]![k]!, 0);
    return { sim, labels: Array.from({ length: n }, (_, i) => i % classes) };
  }),
);

describe('multi-similarity weights', () => {
  const options = { alpha: 2, beta: 50, lambda: 0.5, epsilon: 0.1 };

  test('match the paper’s form of the weights on random batches', () => {
    fc.assert(
      fc.property(batch, ({ sim, labels }) => {
        const actual = kernels.losses.multiSimilarity(sim, labels, options);
        const expected = reference.multiSimilarityWeights(sim, labels, options);
        expectClose(actual.weights.data, expected.weights, (i) => 1e-5 * (1 + expected.weights[i]!), 'weight');
        expectClose(actual.loss, expected.loss, (i) => 1e-5 * (1 + expected.loss[i]!), 'loss');
      }),
      { numRuns: RUNS },
    );
  });

  test('an easy negative is mined away, a hard one weighs more than a moderate one', () => {
    // Anchor 0 with positive 1 (s = 0.9), negatives 2 (s = 0.85, hard), 3 (s = 0.8), 4 (s = −0.5, easy).
    const s = [
      [1, 0.9, 0.85, 0.8, -0.5],
      [0.9, 1, 0, 0, 0],
      [0.85, 0, 1, 0.9, 0],
      [0.8, 0, 0.9, 1, 0],
      [-0.5, 0, 0, 0, 1],
    ];
    const { weights } = kernels.losses.multiSimilarity({ data: Float32Array.from(s.flat()), rows: 5, cols: 5 }, [0, 0, 1, 1, 2], options);
    const w = (j: number) => weights.data[j]!;
    expect(w(0)).toBe(0);
    expect(w(4)).toBe(0);
    expect(w(2)).toBeGreaterThan(w(3));
    expect(w(3)).toBeGreaterThan(0);
  });

  test('rejects a non-square matrix and a label per row missing', () => {
    const sim = { data: new Float32Array(6), rows: 2, cols: 3 };
    expect(() => kernels.losses.multiSimilarity(sim, [0, 1], options)).toThrow(/square/);
    expect(() => kernels.losses.multiSimilarity({ data: new Float32Array(4), rows: 2, cols: 2 }, [0], options)).toThrow(/labels/);
  });
});
