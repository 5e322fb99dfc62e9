import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LabReply, RetrievalReport } from '../../../src/lib/lab/messages.ts';
import type { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import type { Method } from '../../../src/lib/fewshot/method.ts';
import { columnMean, normalize } from '../kernels/reference.ts';
import { retrieval } from '../kernels/retrieval-reference.ts';
import { classNamed, expectReply, glyph, glyphs, installWorkerGlobals, noProgress, sizes, SKETCH, startedEngine } from '../../helpers/lab-engine.ts';

/**
 * "How well your examples retrieve each other" (issue 25) in a real LabEngine:
 * the per-class numbers against the f64 reference of the kernels' retrieval,
 * run on the lab's own embeddings (read back from an export); the confusing
 * pairs; and their fixes (remove, move), each undone.
 */
let engine: LabEngine;
let last: LabReply;
const id = (name: string) => classNamed(last, name).id;

beforeAll(installWorkerGlobals);
afterAll(() => vi.unstubAllGlobals());

/** The lab's examples as the export keeps them, class by class, with their labels. */
async function exported(): Promise<{ rows: number[][]; labels: number[]; ids: string[] }> {
  const lab = JSON.parse(await (await engine.exportLab()).text()) as { classes: Array<{ examples: Array<{ id: string; embeddings: Record<string, string> }> }> };
  const rows: number[][] = [];
  const labels: number[] = [];
  const ids: string[] = [];
  lab.classes.forEach((c, label) =>
    c.examples.forEach((e) => {
      rows.push([...new Float32Array(new Uint8Array(Buffer.from(e.embeddings[SKETCH]!, 'base64')).buffer)]);
      labels.push(label);
      ids.push(e.id);
    }),
  );
  return { rows, labels, ids };
}

/** The reference's per-class means (queries with R ≥ 1), as the page's table shows them. */
async function expected(method: Method) {
  const { rows, labels, ids } = await exported();
  const raw = { data: Float32Array.from(rows.flat()), rows: rows.length, cols: rows[0]!.length };
  const normalized = normalize(raw, method.normalization, method.normalization === 'cl2n' ? columnMean(raw) : undefined);
  const ref = retrieval(method.metric, normalized, labels);
  const classes = Math.max(...labels) + 1;
  const perClass = Array.from({ length: classes }, (_, c) => {
    const q = labels.flatMap((l, i) => (l === c && ref.relevant[i]! > 0 ? [i] : []));
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / q.length;
    return { queries: q.length, mapAtR: mean(q.map((i) => ref.apAtR[i]!)), rPrecision: mean(q.map((i) => ref.rPrecision[i]!)), recall1: mean(q.map((i) => (ref.firstHit[i] === 1 ? 1 : 0))) };
  });
  const confused = labels.flatMap((l, i) => (ref.relevant[i]! > 0 && labels[ref.nearest[i]!] !== l ? [[ids[i]!, ids[ref.nearest[i]!]!]] : []));
  return { perClass, confused };
}

function expectMatches(report: RetrievalReport, want: Awaited<ReturnType<typeof expected>>) {
  expect(report.prototypes.perClass).toHaveLength(want.perClass.length);
  report.prototypes.perClass.forEach((got, c) => {
    const w = want.perClass[c]!;
    expect(got.queries).toBe(w.queries);
    expect(got.mapAtR).toBeCloseTo(w.mapAtR, 6);
    expect(got.rPrecision).toBeCloseTo(w.rPrecision, 6);
    expect(got.recallAt[0]).toBeCloseTo(w.recall1, 6);
  });
  // Every listed pair is one the reference finds (a pair seen from both sides is listed once).
  for (const pair of report.prototypes.pairs) expect(want.confused).toContainEqual([pair.exampleId, pair.neighbourId]);
  expect(report.prototypes.pairs.length).toBeGreaterThan(0);
}

describe('LabEngine.retrieval: every example against the others', { timeout: 60_000 }, () => {
  test('null before two classes have examples', async () => {
    ({ engine, reply: last } = await startedEngine());
    expect(await engine.retrieval()).toBeNull();
  });

  test('per class: R-precision, MAP@R and Recall@1 as the reference computes them; the mislabelled drawing is a confusing pair', async () => {
    last = expectReply(await engine.renameClass(id('Class A'), 'Letter A'));
    last = expectReply(await engine.renameClass(id('Class B'), 'Letter B'));
    last = expectReply(await engine.addClass('Letter C'));
    // Letter A's fifth example is a drawing of letter B: it should find letter B's drawings first.
    last = expectReply(await engine.addExamples(id('Letter A'), [...(await glyphs(0, [0, 1, 2, 3])), await glyph(1, 5)]));
    last = expectReply(await engine.addExamples(id('Letter B'), await glyphs(1, [0, 1, 2, 3])));
    last = expectReply(await engine.addExamples(id('Letter C'), await glyphs(2, [0, 1, 2, 3])));
    const report = (await engine.retrieval())!;
    expect(report.examples).toBe(13);
    expect(report.classIds).toEqual(last.view.classes.map((c) => c.id));
    expect(report.head).toBeUndefined();
    expectMatches(report, await expected(last.view.method));
    const mislabelled = classNamed(last, 'Letter A').exampleIds[4]!;
    const pair = report.prototypes.pairs.find((p) => p.exampleId === mislabelled || p.neighbourId === mislabelled)!;
    expect(pair).toBeDefined();
    expect(pair.exampleId === mislabelled ? pair.number : pair.neighbourNumber).toBe(5);
  });

  test('another metric and normalisation: the same check', async () => {
    last = expectReply(await engine.setMethod({ metric: 'cosine', normalization: 'cl2n' }));
    expectMatches((await engine.retrieval())!, await expected(last.view.method));
  });

  test('with the learned metric on: a second side over the same classes', async () => {
    last = expectReply(await engine.learnMetric({ loss: 'soft-triple', steps: 30 }, () => {}));
    const report = (await engine.retrieval())!;
    expectMatches(report, await expected(last.view.method));
    expect(report.head!.perClass).toHaveLength(3);
    for (const c of report.head!.perClass) for (const v of [c.mapAtR, c.rPrecision, c.recallAt[0]]) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    last = expectReply(await engine.usePrototypes());
  });

  test('moveExample: the drawing goes to its own class, undoably; removeExampleUndoably likewise', async () => {
    const mislabelled = classNamed(last, 'Letter A').exampleIds[4]!;
    last = expectReply(await engine.moveExample(mislabelled, id('Letter B')));
    expect(sizes(last)).toEqual([['Letter A', 4], ['Letter B', 5], ['Letter C', 4]]);
    expect(classNamed(last, 'Letter B').exampleIds.at(-1)!).toBe(mislabelled);
    expect(last.view.undo).toBe('Undo “Move Letter A example 5 to Letter B”');
    const after = (await engine.retrieval())!;
    expect(after.prototypes.pairs.some((p) => p.exampleId === mislabelled || p.neighbourId === mislabelled)).toBe(false);
    last = expectReply(await engine.undo(noProgress));
    expect(sizes(last)).toEqual([['Letter A', 5], ['Letter B', 4], ['Letter C', 4]]);
    expect(classNamed(last, 'Letter A').exampleIds[4]!).toBe(mislabelled);
    last = expectReply(await engine.removeExampleUndoably(mislabelled));
    expect(sizes(last)).toEqual([['Letter A', 4], ['Letter B', 4], ['Letter C', 4]]);
    expect(last.view.undo).toBe('Undo “Remove Letter A example 5”');
    last = expectReply(await engine.undo(noProgress));
    expect(sizes(last)).toEqual([['Letter A', 5], ['Letter B', 4], ['Letter C', 4]]);
    await expect(engine.moveExample('no-such-example', id('Letter B'))).rejects.toThrow('There is no example');
  });
});
