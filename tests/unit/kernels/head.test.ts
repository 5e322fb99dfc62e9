import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError, type HeadLoss, type HeadState, type Matrix } from '../../../src/lib/kernels/index.ts';
import { headLoss, miningGap, softTripleSimilarity, trainProxies, type HeadProblem, type Rows } from './head-reference.ts';
import { expectClose, kernels, RUNS } from './setup.ts';

const LOSSES: HeadLoss[] = ['norm-softmax', 'soft-triple', 'multi-similarity', 'circle'];
const toMatrix = (rows: Rows): Matrix => ({ data: Float32Array.from(rows.flat()), rows: rows.length, cols: rows[0]!.length });
const unit = (row: number[]) => {
  const length = Math.hypot(...row);
  return length < 1e-3 ? row.map((_, k) => (k === 0 ? 1 : 0)) : row.map((v) => Math.fround(v / length));
};

const paramsOf = (loss: HeadLoss) =>
  ({
    'norm-softmax': fc.tuple(fc.double({ min: 1, max: 30, noNaN: true })),
    'soft-triple': fc.tuple(fc.double({ min: 2, max: 30, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })),
    'multi-similarity': fc.tuple(fc.double({ min: 0.5, max: 4, noNaN: true }), fc.double({ min: 2, max: 40, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true })),
    circle: fc.tuple(fc.double({ min: 0, max: 0.4, noNaN: true }), fc.double({ min: 1, max: 32, noNaN: true })),
  })[loss].map((values) => values.map(Math.fround));

/** A problem: unit supports of 2–4 classes (each with 1–4 members) and proxies near the prototypes. */
const problem = (loss: HeadLoss) =>
  fc
    .record({ classes: fc.integer({ min: 2, max: 4 }), perClass: fc.integer({ min: 1, max: 4 }), dim: fc.integer({ min: 2, max: 9 }), centres: loss === 'soft-triple' ? fc.integer({ min: 1, max: 3 }) : fc.constant(1) })
    .chain(({ classes, perClass, dim, centres }) => {
      const n = classes * perClass;
      const m = classes * centres;
      const value = fc.double({ min: -1, max: 1, noNaN: true });
      return fc.record({
        x: fc.array(fc.array(value, { minLength: dim, maxLength: dim }).map(unit), { minLength: n, maxLength: n }),
        noise: fc.array(fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        params: paramsOf(loss),
        classes: fc.constant(classes),
        centres: fc.constant(centres),
        perClass: fc.constant(perClass),
      });
    })
    .map(({ x, noise, params, classes, centres, perClass }) => {
      const labels = x.map((_, i) => i % classes);
      const p: HeadProblem = { x, labels, classes, centres, loss, params };
      const coefficients = noise.map((row, r) => row.map((e, i) => Math.fround((labels[i] === Math.floor(r / centres) ? 1 / perClass : 0) + e)));
      return { p, coefficients };
    });

const proxiesOf = (coefficients: Rows, x: Rows) => coefficients.map((a) => x[0]!.map((_, k) => a.reduce((s, w, i) => s + w * x[i]![k]!, 0)));
const stateOf = (p: HeadProblem, coefficients: Rows): HeadState => ({
  gram: kernels.head.gram(toMatrix(p.x)),
  labels: Int32Array.from(p.labels),
  classes: p.classes,
  centres: p.centres,
  coefficients: toMatrix(coefficients),
  velocity: new Float32Array(coefficients.length * p.x.length),
});
const wellPosed = (proxies: Rows) => proxies.every((r) => Math.hypot(...r) > 0.15);

describe.each(LOSSES)('metric head, %s', (loss) => {
  test('the kernels’ steps in coefficients are the reference’s SGD steps on the proxies themselves', () => {
    fc.assert(
      fc.property(problem(loss), fc.double({ min: 1e-3, max: 0.05, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.01, noNaN: true }), fc.integer({ min: 1, max: 3 }), ({ p, coefficients }, rate, momentum, decay, steps) => {
        const start = proxiesOf(coefficients, p.x);
        fc.pre(wellPosed(start));
        const [r, mu, wd] = [rate, momentum, decay].map(Math.fround) as [number, number, number];
        const expected = trainProxies(p, start, r, mu, wd, steps);
        fc.pre(wellPosed(expected.proxies));
        // A pair on the mining boundary is decided by float32 rounding; such ties are no test of the maths.
        fc.pre(Math.min(...expected.trajectory.map((proxies) => miningGap(p, proxies))) > 1e-3);
        const state = stateOf(p, coefficients);
        const losses = kernels.head.train(state, { loss, params: p.params, rate: r, momentum: mu, decay: wd }, steps);
        expectClose(losses, expected.losses, (i) => 2e-4 * (1 + Math.abs(expected.losses[i]!)), 'loss');
        const actual = kernels.head.proxies(state.coefficients, toMatrix(p.x));
        const flat = expected.proxies.flat();
        expectClose(actual.data, flat, () => 2e-4 * (1 + Math.max(...flat.map(Math.abs))), 'proxy');
      }),
      { numRuns: RUNS },
    );
  });

  test('the reference gradient matches central finite differences of the reference loss', () => {
    fc.assert(
      fc.property(problem(loss), ({ p, coefficients }) => {
        const proxies = proxiesOf(coefficients, p.x);
        fc.pre(wellPosed(proxies) && miningGap(p, proxies) > 1e-3);
        // Circle loss back-propagates with its α weights held fixed (Sun et al., § 3.2): differentiate that function.
        const { gradient, alphas } = headLoss(p, proxies);
        const h = 1e-6;
        proxies.forEach((row, r) =>
          row.forEach((_, k) => {
            const at = (delta: number) => headLoss(p, proxies.map((pr, s) => pr.map((v, j) => (s === r && j === k ? v + delta : v))), alphas).loss;
            const [up, down] = [at(h), at(-h)];
            const numeric = (up - down) / (2 * h);
            expect(Math.abs(numeric - gradient[r]![k]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(numeric)));
          }),
        );
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });

  test('a small step from the prototypes never raises the loss (smooth losses) and the loss stays finite and ≥ 0', () => {
    fc.assert(
      fc.property(problem(loss), ({ p, coefficients }) => {
        fc.pre(wellPosed(proxiesOf(coefficients, p.x)));
        const losses = kernels.head.train(stateOf(p, coefficients), { loss, params: p.params, rate: 1e-4, momentum: 0, decay: 0 }, 2);
        for (const value of losses) expect(Number.isFinite(value) && value >= 0).toBe(true);
        if (loss === 'norm-softmax' || loss === 'soft-triple') expect(losses[1]!).toBeLessThanOrEqual(losses[0]! + 1e-5 * (1 + losses[0]!));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('metric head scoring and checks', () => {
  test('SoftTriple’s class similarity matches the reference and lies between its centres’ cosines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.02, max: 2, noNaN: true }), fc.context(), (classes, centres, queries, gamma, ctx) => {
        const g = Math.fround(gamma);
        const cos = Array.from({ length: queries }, (_, i) => Array.from({ length: classes * centres }, (_, j) => Math.fround(Math.sin(1 + 7 * i + 3.1 * j + classes))));
        ctx.log(JSON.stringify(cos));
        const actual = kernels.head.softTripleSimilarity(toMatrix(cos), classes, centres, g);
        const expected = softTripleSimilarity(cos, classes, centres, g).flat();
        expectClose(actual.data, expected, () => 1e-5, 'similarity');
        actual.data.forEach((s, at) => {
          const [i, c] = [Math.floor(at / classes), at % classes];
          const own = cos[i]!.slice(c * centres, (c + 1) * centres);
          expect(s).toBeGreaterThanOrEqual(Math.min(...own) - 1e-6);
          expect(s).toBeLessThanOrEqual(Math.max(...own) + 1e-6);
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('rejects a wrong number of coefficients, centres on a one-proxy loss, and bad rates, naming the problem', () => {
    const p: HeadProblem = { x: [[1, 0], [0, 1]], labels: [0, 1], classes: 2, centres: 1, loss: 'norm-softmax', params: [10] };
    const state = stateOf(p, [[1, 0], [0, 1]]);
    const step = { loss: 'norm-softmax' as const, params: [10], rate: 0.1, momentum: 0.9, decay: 0 };
    expect(() => kernels.head.train({ ...state, coefficients: toMatrix([[1, 0]]) }, step, 1)).toThrow(/2 × 2 coefficients/);
    expect(() => kernels.head.train({ ...state, centres: 2, coefficients: toMatrix([[1, 0], [0, 1], [1, 0], [0, 1]]), velocity: new Float32Array(8) }, step, 1)).toThrow(/Only SoftTriple/);
    expect(() => kernels.head.train(state, { ...step, rate: 0 }, 1)).toThrow(KernelInputError);
    expect(() => kernels.head.train(state, { ...step, momentum: 1 }, 1)).toThrow(/Momentum/);
    expect(() => kernels.head.train(state, { ...step, params: [Number.NaN] }, 1)).toThrow(/Parameter 1/);
  });
});
