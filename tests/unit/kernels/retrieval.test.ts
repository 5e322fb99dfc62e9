import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KernelInputError, METRIC_NAMES, RECALL_KS, summarizeByClass, type Matrix, type RetrievalResult } from '../../../src/lib/kernels/index.ts';
import { recallAt, retrieval, retrievalFromMatrix, type ReferenceRetrieval } from './retrieval-reference.ts';
import { dims, kernels, matrixOfShape, RUNS } from './setup.ts';

/**
 * n rows in 1–6 classes drawn at random, so single-member and empty classes, large R and R < 8 all occur.
 * One case in ten crosses the kernel's 64-row query blocks (with few dimensions, to keep 10,000 cases quick).
 */
const shapes = (dimensions: fc.Arbitrary<number>) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.record({ n: fc.integer({ min: 1, max: 40 }), dim: dimensions }) },
    { weight: 1, arbitrary: fc.record({ n: fc.integer({ min: 60, max: 140 }), dim: fc.integer({ min: 1, max: 5 }) }) },
  );
const labelled = (values: (n: number, dim: number) => fc.Arbitrary<Matrix>, dimensions: fc.Arbitrary<number>) =>
  fc.tuple(shapes(dimensions), fc.integer({ min: 1, max: 6 })).chain(([{ n, dim }, classes]) =>
    fc.record({ m: values(n, dim), labels: fc.array(fc.nat(classes - 1), { minLength: n, maxLength: n }), classes: fc.constant(classes) }),
  );

/** Small integer coordinates: squared Euclidean distances are exact in float32, and ties are everywhere. */
const grid = (n: number, dim: number) =>
  fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n * dim, maxLength: n * dim }).map((v): Matrix => ({ data: Float32Array.from(v), rows: n, cols: dim }));

const perQuery = (r: RetrievalResult): ReferenceRetrieval => ({
  relevant: Array.from(r.relevant),
  rPrecision: Array.from(r.rPrecision),
  apAtR: Array.from(r.apAtR),
  firstHit: Array.from(r.firstHit),
  nearest: Array.from(r.nearest),
});

/** Equal to 12 digits, or both NaN (no query to average over). */
const close = (actual: number, expected: number) => (Number.isNaN(expected) ? expect(actual).toBeNaN() : expect(actual).toBeCloseTo(expected, 12));

/** The means as the definition states them, over queries with R ≥ 1. */
function expectSummary(actual: RetrievalResult, expected: ReferenceRetrieval): void {
  const counted = expected.relevant.flatMap((r, i) => (r > 0 ? [i] : []));
  const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN);
  const { summary } = actual;
  expect(summary.queries).toBe(counted.length);
  expect(summary.leftOut).toBe(expected.relevant.length - counted.length);
  close(summary.mapAtR, mean(counted.map((i) => expected.apAtR[i]!)));
  close(summary.rPrecision, mean(counted.map((i) => expected.rPrecision[i]!)));
  RECALL_KS.forEach((k, level) => close(summary.recallAt[level]!, mean(counted.map((i) => recallAt(expected.firstHit[i]!, k)))));
}

describe('retrieval', () => {
  for (const metric of METRIC_NAMES) {
    test(`${metric}: selection and metrics match a full sort of the same float32 distances`, () => {
      fc.assert(
        fc.property(labelled(matrixOfShape, dims), ({ m, labels, classes }) => {
          const actual = kernels.retrieval.evaluate(metric, m, labels, classes);
          const expected = retrievalFromMatrix(kernels.distances(metric, m, m), labels);
          expect(perQuery(actual)).toEqual(expected);
          expectSummary(actual, expected);
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('squared Euclidean on an integer grid (exact distances, many ties) matches the f64 reference exactly', () => {
    fc.assert(
      fc.property(labelled(grid, fc.integer({ min: 1, max: 6 })), ({ m, labels, classes }) => {
        const actual = kernels.retrieval.evaluate('euclidean', m, labels, classes);
        const expected = retrieval('euclidean', m, labels);
        expect(perQuery(actual)).toEqual(expected);
        expectSummary(actual, expected);
      }),
      { numRuns: RUNS },
    );
  });

  test('0 ≤ AP@R ≤ R-precision ≤ 1, Recall@K grows with K, and every row is a query or left out', () => {
    fc.assert(
      fc.property(labelled(matrixOfShape, dims), fc.constantFrom(...METRIC_NAMES), ({ m, labels, classes }, metric) => {
        const { relevant, apAtR, rPrecision, summary } = kernels.retrieval.evaluate(metric, m, labels, classes);
        relevant.forEach((r, i) => {
          if (r === 0) return;
          expect(apAtR[i]!).toBeGreaterThanOrEqual(0);
          expect(apAtR[i]!).toBeLessThanOrEqual(rPrecision[i]! + 1e-15);
          expect(rPrecision[i]!).toBeLessThanOrEqual(1);
        });
        if (summary.queries > 0) summary.recallAt.slice(1).forEach((v, level) => expect(v).toBeGreaterThanOrEqual(summary.recallAt[level]!));
        expect(summary.queries + summary.leftOut).toBe(m.rows);
        const byClass = summarizeByClass({ relevant, apAtR, rPrecision, firstHit: new Int32Array(m.rows) }, labels, classes);
        expect(byClass.reduce((s, c) => s + c.queries, 0)).toBe(summary.queries);
      }),
      { numRuns: RUNS },
    );
  });
});

const points = (rows: number[][]): Matrix => ({ data: Float32Array.from(rows.flat()), rows: rows.length, cols: rows[0]!.length });

describe('retrieval by hand', () => {
  test('ties rank the lower index first', () => {
    // Five identical rows: every distance is 0, so each query's ranking is the other rows in index order.
    const { rPrecision, apAtR, firstHit, nearest } = kernels.retrieval.evaluate('euclidean', points([[1, 2], [1, 2], [1, 2], [1, 2], [1, 2]]), [0, 1, 0, 1, 0], 2);
    // Query 0 ranks 1 (other class), 2, 3 (other), 4; R = 2: P(2) = 1/2 at the one hit among the first two.
    expect([rPrecision[0], apAtR[0], firstHit[0], nearest[0]]).toEqual([0.5, 0.25, 2, 1]);
    // Query 1 ranks 0, 2, 3, 4; R = 1 and row 0 is of the other class; its class's row 3 comes third.
    expect([rPrecision[1], apAtR[1], firstHit[1], nearest[1]]).toEqual([0, 0, 3, 0]);
  });

  test('a query whose class has no other row is left out of every mean, and counted', () => {
    const result = kernels.retrieval.evaluate('euclidean', points([[0], [0.1], [5]]), [0, 0, 1], 2);
    expect(Array.from(result.relevant)).toEqual([1, 1, 0]);
    expect(result.rPrecision[2]).toBeNaN();
    expect(result.apAtR[2]).toBeNaN();
    expect(result.firstHit[2]).toBe(0);
    expect(result.nearest[2]).toBe(1);
    expect(result.summary).toEqual({ queries: 2, leftOut: 1, mapAtR: 1, rPrecision: 1, recallAt: [1, 1, 1, 1] });
    const lone = kernels.retrieval.evaluate('cosine', points([[1, 0]]), [0], 1);
    expect(lone.nearest[0]).toBe(-1);
    expect(lone.summary.queries).toBe(0);
    expect(lone.summary.mapAtR).toBeNaN();
  });

  test('K beyond the gallery counts the whole gallery', () => {
    // Three rows: the query's class-mate is second of its two neighbours, so Recall@1 = 0 and Recall@2, @4, @8 = 1.
    const result = kernels.retrieval.evaluate('euclidean', points([[0], [1], [3]]), [0, 1, 0], 2);
    expect(result.firstHit[0]).toBe(2);
    expect(result.summary.recallAt).toEqual([0, 1, 1, 1]);
  });

  test('Recall@1 can stay at 1 while MAP@R falls: the Reality Check’s point', () => {
    // Each row's nearest neighbour is of its class, but half of each class lies beyond the other class.
    const rows = [[0], [0.5], [10], [10.5], [20], [20.5], [30], [30.5]];
    const result = kernels.retrieval.evaluate('euclidean', points(rows), [0, 0, 1, 1, 0, 0, 1, 1], 2);
    expect(result.summary.recallAt[0]).toBe(1);
    expect(result.summary.mapAtR).toBeLessThan(0.6);
  });

  test('per-class summaries split the queries by label', () => {
    const result = kernels.retrieval.evaluate('euclidean', points([[0], [0.1], [5], [5.1], [9]]), [0, 0, 1, 1, 2], 4);
    const byClass = summarizeByClass(result, [0, 0, 1, 1, 2], 4);
    expect(byClass.map((c) => [c.queries, c.leftOut])).toEqual([[2, 0], [2, 0], [0, 1], [0, 0]]);
    expect(byClass[0]!.mapAtR).toBe(1);
    expect(byClass[3]!.mapAtR).toBeNaN();
  });

  test('memory grows only to the largest call: the query blocks and the selection reuse their scratch', () => {
    const rows = (n: number) => ({ data: Float32Array.from({ length: n * 32 }, (_, i) => Math.sin(i)), rows: n, cols: 32 });
    kernels.retrieval.evaluate('cosine', rows(300), Int32Array.from({ length: 300 }, (_, i) => i % 7), 7);
    const afterLargest = kernels.memoryBytes;
    for (let n = 1; n < 300; n += 13) kernels.retrieval.evaluate('euclidean', rows(n), Int32Array.from({ length: n }, (_, i) => i % 3), 3);
    expect(kernels.memoryBytes).toBe(afterLargest);
  });

  test('rejects bad input with a message that says what to fix', () => {
    const m = points([[0, 1], [1, 0], [1, 1]]);
    expect(() => kernels.retrieval.evaluate('euclidean', m, [0, 1], 2)).toThrow(/3 embeddings but 2 labels/);
    expect(() => kernels.retrieval.evaluate('euclidean', m, [0, 1, 2], 2)).toThrow(/Label 2 at row 2 is out of range/);
    expect(() => kernels.retrieval.evaluate('euclidean', m, [0, 1, 0.5], 2)).toThrow(/not a whole number/);
    expect(() => kernels.retrieval.evaluate('euclidean', m, [0, 1, 0], 0)).toThrow(/number of classes/);
    expect(() => kernels.retrieval.evaluate('manhattan' as 'euclidean', m, [0, 1, 0], 2)).toThrow(/Unknown metric/);
    expect(() => kernels.retrieval.evaluate('euclidean', { data: new Float32Array(0), rows: 0, cols: 2 }, [], 1)).toThrow(/empty/);
    expect(() => kernels.retrieval.evaluate('euclidean', { ...m, data: Float32Array.of(0, 1, Number.NaN, 0, 1, 1) }, [0, 1, 0], 2)).toThrow(KernelInputError);
  });
});
