import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withRun } from '../../src/lib/eval/evaluations-file';
import { evaluationsSchema, type Evaluations, type RetrievalRow } from '../../src/schemas/evaluations';
import { ROOT } from '../helpers/content';

const committed = evaluationsSchema.parse(JSON.parse(readFileSync(join(ROOT, 'src/data/evaluations.json'), 'utf8')));
const stampOf = (i: number) => ({ ...committed.stamps[0]!, command: `run ${i}` });
const [stampA, stampB, stampC] = [stampOf(0), stampOf(1), stampOf(2)];
const result = { ...committed.results[0]!, stamp: 0 };
const retrievalRow = (model: string, dataset: RetrievalRow['dataset'], stamp: number, mapAtR = 0.5): RetrievalRow => ({
  model,
  dataset,
  metric: 'euclidean',
  normalize: 'none',
  classes: 'test',
  images: 96,
  queries: 96,
  mapAtR,
  rPrecision: 0.6,
  recallAt: { 1: 0.9, 2: 0.95, 4: 1, 8: 1 },
  stamp,
});
const key = (r: { model: string; dataset: string }) => `${r.model}|${r.dataset}`;

/** Few-shot rows of sketch-protonet on photo-crops by run A; retrieval rows of it (run A) and of raw-pixels on photo-kinds (run B). */
const previous: Evaluations = evaluationsSchema.parse({
  stamps: [stampA, stampB],
  results: [{ ...result, model: 'sketch-protonet', dataset: 'photo-crops' }],
  retrieval: [retrievalRow('sketch-protonet', 'photo-crops', 0), retrievalRow('raw-pixels', 'photo-kinds', 1)],
});

describe('retrieval rows in src/data/evaluations.json', () => {
  test('the file validates without them (as written before issue 25) and with them', () => {
    expect(committed.results.length).toBeGreaterThan(0);
    expect(previous.retrieval).toHaveLength(2);
  });

  test('the schema checks their stamps and their values', () => {
    expect(() => evaluationsSchema.parse({ ...previous, retrieval: [retrievalRow('raw-pixels', 'photo-kinds', 2)] })).toThrow(/no stamp 2/);
    // Stamp 1 is used by retrieval rows only: still a used stamp; without them it is not.
    expect(() => evaluationsSchema.parse({ ...previous, retrieval: undefined })).toThrow(/no row was measured by this run/);
    expect(() => evaluationsSchema.parse({ ...previous, retrieval: [retrievalRow('raw-pixels', 'photo-kinds', 1, 1.5), previous.retrieval![0]] })).toThrow();
    const { recallAt: _, ...noRecall } = retrievalRow('raw-pixels', 'photo-kinds', 1);
    expect(() => evaluationsSchema.parse({ ...previous, retrieval: [noRecall] })).toThrow();
  });

  test('a partial run replaces its own pairs’ retrieval rows and keeps the others’ with their stamps', () => {
    const remeasured = new Set(['raw-pixels|photo-kinds']);
    const next = withRun(previous, (r) => !remeasured.has(key(r)), [{ ...result, model: 'raw-pixels', dataset: 'photo-kinds', stamp: undefined }], stampC, {
      keep: (r) => !remeasured.has(key(r)),
      rows: [(({ stamp: _, ...r }) => r)(retrievalRow('raw-pixels', 'photo-kinds', 0, 0.25))],
    });
    expect(next.retrieval!.map((r) => [key(r), r.mapAtR, next.stamps[r.stamp]!.command])).toEqual([
      ['sketch-protonet|photo-crops', 0.5, 'run 0'],
      ['raw-pixels|photo-kinds', 0.25, 'run 2'],
    ]);
    // Run B's only rows were replaced, so its stamp goes.
    expect(next.stamps.map((s) => s.command)).toEqual(['run 0', 'run 2']);
  });

  test('a run without retrieval (npm run eval:heads) keeps every retrieval row and the stamps only they use', () => {
    const next = withRun(previous, () => true, [{ ...result, model: 'sketch-protonet', dataset: 'photo-crops', head: 'none', stamp: undefined }], stampC);
    expect(next.retrieval!.map((r) => [key(r), next.stamps[r.stamp]!.command])).toEqual([
      ['sketch-protonet|photo-crops', 'run 0'],
      ['raw-pixels|photo-kinds', 'run 1'],
    ]);
    expect(withRun(undefined, () => true, [result], stampC).retrieval).toBeUndefined();
  });
});
