import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Ratings } from '../../../src/lib/kernels/shared-embeddings.ts';
import * as reference from './shared-embeddings-reference.ts';
import { expectClose, kernels, matrixOfShape, RUNS } from './setup.ts';

const ratingsOf = (users: number, items: number, n: number) =>
  fc
    .array(fc.tuple(fc.nat(users - 1), fc.nat(items - 1), fc.float({ min: -2, max: 2, noNaN: true })), { minLength: n, maxLength: n })
    .map((triples): Ratings => ({ users: Int32Array.from(triples, (t) => t[0]), items: Int32Array.from(triples, (t) => t[1]), ratings: Float32Array.from(triples, (t) => t[2]) }));

const cases = fc
  .record({ users: fc.integer({ min: 1, max: 8 }), items: fc.integer({ min: 1, max: 8 }), dim: fc.integer({ min: 1, max: 5 }), nTrain: fc.integer({ min: 1, max: 20 }), nTest: fc.integer({ min: 1, max: 10 }) })
  .chain(({ users, items, dim, nTrain, nTest }) =>
    fc.record({
      // Small starting rows and step sizes keep SGD stable, so that float32 output is the only rounding.
      userTable: matrixOfShape(users, dim).map((m) => ({ ...m, data: m.data.map((v) => Math.max(-0.5, Math.min(0.5, v))) })),
      itemTable: matrixOfShape(items, dim).map((m) => ({ ...m, data: m.data.map((v) => Math.max(-0.5, Math.min(0.5, v))) })),
      train: ratingsOf(users, items, nTrain),
      test: ratingsOf(users, items, nTest),
      epochs: fc.integer({ min: 1, max: 6 }),
      rate: fc.constantFrom(0.01, 0.05, 0.1),
      swap: fc.constantFrom(0, 0.1, 0.5, 1),
      seed: fc.nat(),
    }),
  );

describe('stochastic shared embeddings', () => {
  test('match the f64 reference epoch by epoch, swaps included', () => {
    fc.assert(
      fc.property(cases, ({ userTable, itemTable, train, test, ...options }) => {
        const actual = kernels.sharing.train(userTable, itemTable, train, test, options);
        const expected = reference.train(userTable, itemTable, train, test, options);
        expectClose(actual.data, expected.flat(), (i) => 1e-5 * (1 + Math.abs(expected.flat()[i]!)), 'RMSE');
      }),
      { numRuns: RUNS / 2 },
    );
  });

  test('without swaps, SGD on one rating drives its error to zero; with p = 1 every step lands on a random row', () => {
    const one = (swap: number) =>
      kernels.sharing.train({ data: Float32Array.of(0.5, 0.1), rows: 1, cols: 2 }, { data: Float32Array.of(0.4, -0.2, 0.3, 0.3), rows: 2, cols: 2 }, { users: Int32Array.of(0), items: Int32Array.of(0), ratings: Float32Array.of(1) }, { users: Int32Array.of(0), items: Int32Array.of(1), ratings: Float32Array.of(0) }, { epochs: 200, rate: 0.1, swap, seed: 3 });
    expect(one(0).data[2 * 199]).toBeLessThan(1e-3);
    expect(one(1).data).not.toEqual(one(0).data);
  });

  test('rejects triples outside the tables and a swap probability outside [0, 1]', () => {
    const table = { data: new Float32Array(4), rows: 2, cols: 2 };
    const set: Ratings = { users: Int32Array.of(0), items: Int32Array.of(2), ratings: Float32Array.of(1) };
    const ok: Ratings = { users: Int32Array.of(0), items: Int32Array.of(1), ratings: Float32Array.of(1) };
    expect(() => kernels.sharing.train(table, table, set, ok, { epochs: 1, rate: 0.1, swap: 0, seed: 1 })).toThrow(/outside the tables/);
    expect(() => kernels.sharing.train(table, table, ok, ok, { epochs: 1, rate: 0.1, swap: 1.5, seed: 1 })).toThrow(/\[0, 1\]/);
  });
});
