import { describe, expect, test } from 'vitest';
import { KernelInputError, type Matrix } from '../../../src/lib/kernels/index.ts';
import { kernels } from './setup.ts';

const m = (rows: number, cols: number, fill = (i: number) => Math.sin(i)): Matrix => ({
  data: Float32Array.from({ length: rows * cols }, (_, i) => fill(i)),
  rows,
  cols,
});

describe('input validation', () => {
  test('rejects a dimension mismatch and names both sizes', () => {
    expect(() => kernels.distances('euclidean', m(2, 480), m(3, 64))).toThrow(/Dimension mismatch: queries have 480 .* prototypes have 64/);
  });

  test('rejects an empty class and names it', () => {
    expect(() => kernels.prototypes(m(3, 4), [0, 0, 2], 3)).toThrow(/Class 1 has no examples/);
  });

  test('rejects NaN and names its row and column', () => {
    const bad = m(3, 5);
    bad.data[7] = Number.NaN;
    expect(() => kernels.distances('cosine', bad, m(2, 5))).toThrow(/Queries contains NaN at row 1, column 2/);
  });

  test('rejects infinity in any input', () => {
    const bad = m(2, 5);
    bad.data[9] = Number.POSITIVE_INFINITY;
    expect(() => kernels.classify({ supports: m(2, 5), labels: [0, 1], classes: 2, queries: bad, metric: 'snr' })).toThrow(
      /Queries contains Infinity at row 1, column 4/,
    );
  });

  test('rejects a label out of range', () => {
    expect(() => kernels.prototypes(m(3, 4), [0, 1, 3], 2)).toThrow(/Label 3 at row 2 is out of range: with 2 classes, labels run from 0 to 1/);
  });

  test('rejects a label count that does not match the rows', () => {
    expect(() => kernels.prototypes(m(3, 4), [0, 1], 2)).toThrow(/3 embeddings but 2 labels/);
  });

  test('rejects a non-positive temperature, an unknown metric, and a matrix whose size is wrong', () => {
    expect(() => kernels.probabilities(m(1, 3), 0)).toThrow(/temperature must be a positive, finite number; got 0/);
    expect(() => kernels.distances('manhattan' as 'euclidean', m(1, 3), m(1, 3))).toThrow(/Unknown metric "manhattan"/);
    expect(() => kernels.distances('euclidean', { data: new Float32Array(5), rows: 2, cols: 3 }, m(1, 3))).toThrow(/2 × 3 but holds 5 values/);
  });

  test('errors are KernelInputErrors, and a failed call leaves the kernels usable', () => {
    expect(() => kernels.prototypes(m(3, 4), [0, 0, 2], 3)).toThrow(KernelInputError);
    expect(kernels.prototypes(m(3, 4), [0, 1, 2], 3).prototypes.rows).toBe(3);
  });
});

describe('memory', () => {
  test('does not grow across 10,000 calls of the same shape', () => {
    const supports = m(50, 64);
    const queries = m(10, 64, (i) => Math.cos(i));
    const labels = Array.from({ length: 50 }, (_, i) => i % 5);
    kernels.classify({ supports, labels, classes: 5, queries, metric: 'euclidean', refineIterations: 2 });
    const before = kernels.memoryBytes;
    for (let call = 0; call < 10_000; call++) {
      kernels.classify({ supports, labels, classes: 5, queries, metric: 'euclidean', refineIterations: 2 });
    }
    expect(kernels.memoryBytes).toBe(before);
  });

  test('grows only to the largest call made, whatever the order of shapes', () => {
    kernels.distances('euclidean', m(400, 128), m(100, 128));
    const afterLargest = kernels.memoryBytes;
    for (let call = 0; call < 1000; call++) {
      const rows = 1 + (call % 200);
      kernels.distances('cosine', m(rows, 128), m(50, 128));
    }
    expect(kernels.memoryBytes).toBe(afterLargest);
  });

  test('results are copies: later calls do not change earlier results', () => {
    const first = kernels.distances('euclidean', m(2, 8), m(3, 8));
    const saved = Array.from(first.data);
    kernels.distances('euclidean', m(2, 8, () => 100), m(3, 8));
    expect(Array.from(first.data)).toEqual(saved);
  });
});
