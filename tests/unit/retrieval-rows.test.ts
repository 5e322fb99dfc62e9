import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { retrievalCache } from '../../src/lib/eval/retrieval-cache.ts';
import { METRIC_NAMES, NORMALIZATIONS, RECALL_KS, type Matrix } from '../../src/lib/kernels/index.ts';
import { labelsOf, retrievalRows } from '../../src/lib/eval/retrieval-rows.ts';
import { recallAt, retrieval } from './kernels/retrieval-reference.ts';
import { kernels } from './kernels/setup.ts';

describe('retrievalRows', () => {
  test('a hand-computed case: squared Euclidean, no normalisation, a lone image left out', () => {
    // One dimension. Class 0: 0, 1, 5; class 1: 2, 9; class 2: 100 (alone: no query).
    const embeddings = Float32Array.from([0, 1, 5, 2, 9, 100]);
    const byClass = [[0, 1, 2], [3, 4], [5]];
    const row = retrievalRows(kernels, embeddings, 1, byClass).find((r) => r.metric === 'euclidean' && r.normalize === 'none')!;
    // Rankings (R = 2 for class 0, 1 for class 1):
    //   0 → 1, 3, 2: AP@R = (1/1)/2 = 0.5, R-precision 1/2, first hit 1
    //   1 → 0, 3, 2: AP@R 0.5, R-precision 1/2, first hit 1
    //   2 → 3, 1, 0: AP@R (1/2)/2 = 0.25, R-precision 1/2, first hit 2
    //   3 → 1, 0, 2, 4: AP@R 0, R-precision 0, first hit 4
    //   4 → 2, 3: AP@R 0 (R = 1, rank 1 is class 0), first hit 2
    expect(row.images).toBe(6);
    expect(row.queries).toBe(5);
    expect(row.mapAtR).toBeCloseTo((0.5 + 0.5 + 0.25 + 0 + 0) / 5, 12);
    expect(row.rPrecision).toBeCloseTo((0.5 + 0.5 + 0.5 + 0 + 0) / 5, 12);
    expect(row.recallAt).toEqual({ 1: 2 / 5, 2: 4 / 5, 4: 1, 8: 1 });
  });

  test('one row per metric and normalisation, normalised as the lab session normalises, matching the f64 reference', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const [n, dim] = [30, 5];
    const data = Float32Array.from({ length: n * dim }, () => random() + 0.3);
    const byClass = [0, 1, 2, 3].map((c) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 4 === c));
    const labels = labelsOf(byClass, n);
    const rows = retrievalRows(kernels, data, dim, byClass);
    expect(rows.map((r) => `${r.metric}|${r.normalize}`)).toEqual(METRIC_NAMES.flatMap((m) => NORMALIZATIONS.map((z) => `${m}|${z}`)));
    // The normalisations written out in f64: cl2n centres on the mean of the whole split, then scales to unit length.
    const mean = Array.from({ length: dim }, (_, j) => Array.from({ length: n }, (_, i) => data[i * dim + j]!).reduce((s, v) => s + v, 0) / n);
    const normalized = (mode: string): Matrix => {
      const out = Float32Array.from(data, (v, k) => (mode === 'cl2n' ? v - mean[k % dim]! : v));
      if (mode !== 'none') {
        for (let i = 0; i < n; i++) {
          const norm = Math.hypot(...out.subarray(i * dim, (i + 1) * dim));
          for (let j = 0; j < dim; j++) out[i * dim + j] = out[i * dim + j]! / norm;
        }
      }
      return { data: out, rows: n, cols: dim };
    };
    for (const row of rows) {
      const expected = retrieval(row.metric, normalized(row.normalize), labels);
      const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
      expect(row.queries).toBe(n);
      expect(row.mapAtR, `${row.metric} ${row.normalize}`).toBeCloseTo(mean(expected.apAtR), 6);
      expect(row.rPrecision, `${row.metric} ${row.normalize}`).toBeCloseTo(mean(expected.rPrecision), 6);
      for (const k of RECALL_KS) expect(row.recallAt[k], `${row.metric} ${row.normalize} R@${k}`).toBeCloseTo(mean(expected.firstHit.map((h) => recallAt(h, k))), 6);
    }
    // Centring changes what Euclidean distance sees here (the data sit off the origin): the test would notice its absence.
    const at = (normalize: string) => rows.find((r) => r.metric === 'euclidean' && r.normalize === normalize)!;
    expect(at('cl2n').mapAtR).not.toBe(at('l2').mapAtR);
  });

  test('every image must be in a class', () => {
    expect(() => labelsOf([[0], [2]], 3)).toThrow(/Image 1 of 3 is in no class/);
  });
});

describe('retrievalCache', () => {
  test('a second run takes every row from the cache, equal to the measured ones; a damaged file is measured again', () => {
    const dir = pathToFileURL(mkdtempSync(join(tmpdir(), 'retrieval-cache-')) + '/');
    const embeddings = Float32Array.from([0, 1, 5, 2, 9, 100]);
    const byClass = [[0, 1, 2], [3, 4], [5]];
    const cache = retrievalCache('key', dir)!;
    const seen: boolean[] = [];
    const first = retrievalRows(kernels, embeddings, 1, byClass, (_, __, cached) => seen.push(cached), cache);
    expect(seen.every((c) => !c)).toBe(true);
    writeFileSync(new URL('key-snr-l2.json', dir), '{"metric":"snr"');
    seen.length = 0;
    const second = retrievalRows(kernels, embeddings, 1, byClass, (_, __, cached) => seen.push(cached), cache);
    expect(second).toEqual(first);
    expect(seen.filter((c) => !c)).toHaveLength(1);
    expect(retrievalCache(undefined, dir)).toBeUndefined();
  });
});
