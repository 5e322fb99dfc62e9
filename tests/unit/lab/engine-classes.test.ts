import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LabReply, LearnProgress } from '../../../src/lib/lab/messages.ts';
import { preprocess } from '../../../src/lib/models/preprocess.ts';
import type { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import { bitmapOf } from '../../helpers/node-canvas.ts';
import { classNamed, damaged, expectReply, glyph, glyphs, installWorkerGlobals, KERNELS_URL, newEngine, noProgress, openNodeModel, sizes, SKETCH, startedEngine, verdictNames } from '../../helpers/lab-engine.ts';

/**
 * LabEngine in Node (issue 27): the class edits, the verdicts every change
 * answers with, undo, the learned metric, a live frame, saving and resuming.
 * One lab, built up test by test (they run in order).
 */
let engine: LabEngine;
let last: LabReply;
const QUERIES = ['Letter A', 'Letter B', 'Letter C'];
const id = (name: string) => classNamed(last, name).id;
const queries = () => Promise.all([glyph(0, 12), glyph(1, 12), glyph(2, 12)]);

beforeAll(installWorkerGlobals);
afterAll(() => vi.unstubAllGlobals());

describe('LabEngine: classes, verdicts and undo', { timeout: 30_000 }, () => {
  test('peekSaved: nothing saved yet', async () => {
    expect(await newEngine().peekSaved()).toBeNull();
  });

  test('start: a new lab has two empty classes, the model and no verdicts', async () => {
    ({ engine, reply: last } = await startedEngine());
    expectReply(last);
    expect(sizes(last)).toEqual([['Class A', 0], ['Class B', 0]]);
    expect(last.view.model).toMatchObject({ id: SKETCH, kind: 'sketch', dim: 128 });
    expect(last.view.undo).toBeNull();
    expect(last.verdicts.report).toBeNull();
    await expect(engine.undo(noProgress)).rejects.toThrow('nothing to undo');
  });

  test('addClass and renameClass', async () => {
    last = expectReply(await engine.addClass('Letter C'));
    last = expectReply(await engine.renameClass(id('Class A'), 'Letter A'));
    last = expectReply(await engine.renameClass(id('Class B'), 'Letter B'));
    expect(sizes(last)).toEqual([['Letter A', 0], ['Letter B', 0], ['Letter C', 0]]);
  });

  test('addExamples: a damaged picture is named in a problem line, the others are kept', async () => {
    const progress: number[] = [];
    last = expectReply(await engine.addExamples(id('Letter A'), [...(await glyphs(0, [0, 1])), await damaged('broken.png'), await glyph(0, 2)], (done) => progress.push(done)));
    expect(last.problems).toHaveLength(1);
    expect(last.problems[0]).toMatch(/^broken\.png could not be decoded/);
    // Paced (at most every 100 ms, see paced-progress.ts): the first and the last step always, in order.
    expect([progress[0], progress.at(-1)]).toEqual([1, 4]);
    expect(progress).toEqual([...new Set(progress)].sort((a, b) => a - b));
    for (const [letter, name] of [[1, 'Letter B'], [2, 'Letter C']] as const) last = expectReply(await engine.addExamples(id(name), await glyphs(letter, [0, 1, 2])));
    expect(sizes(last)).toEqual([['Letter A', 3], ['Letter B', 3], ['Letter C', 3]]);
    expect(last.view.calibration).not.toBeNull();
    // Each thumbnail comes once, in the first reply that has its example: Letter C's now, Letter A's earlier.
    expect(last.view.classes[2]!.exampleIds.map((e) => last.view.thumbs.get(e)?.type)).toEqual(['image/png', 'image/png', 'image/png']);
    expect(last.view.thumbs.size).toBe(3);
    expect(last.verdicts.report).toBeNull(); // no queries yet
  });

  test('a picture is embedded as the evaluation harness embeds it (decoded here by pngjs, not the stand-in)', async () => {
    const lab = JSON.parse(await (await engine.exportLab()).text()) as { classes: Array<{ examples: Array<{ embeddings: Record<string, string> }> }> };
    const kept = new Float32Array(new Uint8Array(Buffer.from(lab.classes[0]!.examples[0]!.embeddings[SKETCH]!, 'base64')).buffer);
    const { embedder } = await openNodeModel('/', SKETCH, 'wasm', noProgress);
    const png = PNG.sync.read(Buffer.from(await (await glyph(0, 0)).source.arrayBuffer()));
    expect(kept).toEqual((await embedder.embed([preprocess(png, embedder.card)])).data);
    await embedder.dispose();
  });

  test('predict: each picture it can read is classified; the damaged one is named', async () => {
    const { verdicts, problems } = await engine.predict([...(await queries()), await damaged('query.png')]);
    expect(problems).toEqual([expect.stringMatching(/^query\.png could not be decoded/)]);
    expect(verdictNames({ view: last.view, verdicts })).toEqual(QUERIES);
    expect(verdicts.queryThumbs).toHaveLength(3);
    expect(verdicts.map.kinds.length).toBeGreaterThan(0);
  });

  test('predictFrame: one camera frame (an ImageBitmap), classified without thumbnail or map', async () => {
    const frame = await bitmapOf((await glyph(1, 13)).source);
    const verdicts = await engine.predictFrame(frame as unknown as ImageBitmap);
    expect(frame.closed).toBe(true);
    expect(verdicts.report!.predictions.map((p) => p.nearestClassId)).toEqual([id('Letter B')]);
    expect(verdicts.map.kinds.length).toBe(0);
    await engine.predict(await queries()); // the pictures are the last queries again
  });

  test('setMethod: the last queries are classified again with the new metric', async () => {
    last = expectReply(await engine.setMethod({ metric: 'cosine' }));
    expect(last.view.method.metric).toBe('cosine');
    expect(verdictNames(last)).toEqual(QUERIES);
  });

  test('removeExample', async () => {
    last = expectReply(await engine.removeExample(classNamed(last, 'Letter A').exampleIds[0]!));
    expect(sizes(last)).toEqual([['Letter A', 2], ['Letter B', 3], ['Letter C', 3]]);
    expect(verdictNames(last)).toEqual(QUERIES);
  });

  test('removeClass, then undo: the class and its examples come back, the queries are classified again', async () => {
    last = expectReply(await engine.removeClass(id('Letter C')));
    expect(last.view.undo).toBe('Undo “Remove Letter C”');
    expect(last.verdicts.report!.predictions).toHaveLength(3);
    expect(verdictNames(last).slice(0, 2)).toEqual(QUERIES.slice(0, 2));
    expect(last.view.thumbs.size).toBe(0);
    last = expectReply(await engine.undo(noProgress));
    expect(last.view.undo).toBeNull();
    expect(sizes(last)).toEqual([['Letter A', 2], ['Letter B', 3], ['Letter C', 3]]);
    expect(verdictNames(last)).toEqual(QUERIES);
    // The page let Letter C's thumbnails go with the class, so the undo's reply sends them again, and only them.
    expect(last.view.classes.map((c) => c.exampleIds.filter((e) => last.view.thumbs.has(e)).length)).toEqual([0, 0, 3]);
  });

  test('learnMetric turns the head on (the verdicts use it); usePrototypes turns it off', async () => {
    const phases = new Set<LearnProgress['phase']>();
    last = expectReply(await engine.learnMetric({ loss: 'norm-softmax', steps: 40, rate: 0.5 }, (p) => phases.add(p.phase)));
    expect(phases.has('training')).toBe(true);
    expect(last.view.head.options).toMatchObject({ loss: 'norm-softmax', steps: 40 });
    expect(last.verdicts.report!.head).toMatchObject({ loss: 'norm-softmax' });
    expect(last.verdicts.report!.predictions).toHaveLength(3);
    last = expectReply(await engine.usePrototypes());
    expect(last.view.head.options).toBeNull();
    expect(last.verdicts.report!.head).toBeNull();
  });

  test('clear, then undo: the lab comes back and the same queries are classified again', async () => {
    const before = verdictNames(last);
    last = expectReply(await engine.clear());
    expect(sizes(last)).toEqual([['Class A', 0], ['Class B', 0]]);
    expect(last.view.undo).toBe('Undo “Clear everything”');
    expect(last.view.method.metric).toBe('cosine');
    expect(last.verdicts.report).toBeNull();
    last = expectReply(await engine.undo(noProgress));
    expect(sizes(last)).toEqual([['Letter A', 2], ['Letter B', 3], ['Letter C', 3]]);
    expect(last.verdicts.report).not.toBeNull();
    expect(last.verdicts.report!.predictions).toHaveLength(3);
    expect(last.verdicts.queryThumbs).toHaveLength(3);
    expect(verdictNames(last)).toEqual(before);
  });

  test('resources: the worker script and everything it downloaded', () => {
    vi.stubGlobal('self', { location: { href: 'https://lab.test/lab-worker.js' } });
    const entries = vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ name: KERNELS_URL }] as PerformanceEntryList);
    try {
      expect(engine.resources()).toEqual(['https://lab.test/lab-worker.js', KERNELS_URL]);
      expect(entries).toHaveBeenCalledWith('resource');
    } finally {
      entries.mockRestore();
      vi.stubGlobal('self', undefined);
    }
  });

  test('peekSaved, then start on the same storage (a reload): the saved lab is resumed, with the address metric', async () => {
    await vi.waitFor(async () => expect(await engine.peekSaved()).toEqual({ classes: 3, examples: 8 }), { timeout: 5_000 });
    const { engine: reloaded, reply } = await startedEngine(SKETCH, 'euclidean');
    expectReply(reply);
    expect(sizes(reply)).toEqual(sizes(last));
    expect(reply.view.classes.map((c) => c.exampleIds)).toEqual(last.view.classes.map((c) => c.exampleIds));
    expect(reply.view.method.metric).toBe('euclidean');
    expect(reply.verdicts.report).toBeNull(); // queries are not saved
    const { verdicts } = await reloaded.predict(await queries());
    expect(verdictNames({ view: reply.view, verdicts })).toEqual(QUERIES);
  });
});
