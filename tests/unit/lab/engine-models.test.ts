import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LabReply } from '../../../src/lib/lab/messages.ts';
import type { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import { classNamed, expectReply, glyph, glyphs, installWorkerGlobals, madePicture, modelFiles, noProgress, PHOTO, SKETCH, startedEngine, verdictNames } from '../../helpers/lab-engine.ts';

/**
 * LabEngine in Node (issue 27): changing models. Every example is embedded
 * again from its kept original, and so are the last queries, so the reply
 * classifies them again. The worker's runtime module (onnxruntime-web's
 * browser builds) is replaced by onnxruntime-web in Node for the visitor's
 * own model and a backend switch, which start a model through it.
 */
vi.mock('../../../src/lib/lab/worker/runtime', async () => (await import('../../helpers/lab-engine.ts')).nodeRuntime());

let engine: LabEngine;
let last: LabReply;
const QUERIES = ['Letter A', 'Letter B'];
const embeddingsByModel = async () => {
  const lab = JSON.parse(await (await engine.exportLab()).text()) as { classes: Array<{ examples: Array<{ original: string; embeddings: Record<string, string> }> }> };
  return lab.classes.flatMap((c) => c.examples);
};

beforeAll(async () => {
  installWorkerGlobals();
  ({ engine, reply: last } = await startedEngine());
  const [a, b] = last.view.classes.map((c) => c.id);
  await engine.renameClass(a!, 'Letter A');
  await engine.renameClass(b!, 'Letter B');
  await engine.predict([await glyph(0, 9), await glyph(1, 9)]);
  await engine.addExamples(a!, await glyphs(0, [0, 1, 2]));
  last = await engine.addExamples(b!, await glyphs(1, [0, 1, 2]));
}, 30_000);
afterAll(() => vi.unstubAllGlobals());

describe('LabEngine: models', { timeout: 30_000 }, () => {
  test('useModel: another catalog model embeds every example and the last queries again', async () => {
    const progress: Array<[number, number]> = [];
    last = expectReply(await engine.useModel(PHOTO, 'wasm', (done, total) => progress.push([done, total])));
    expect(last.view.model).toMatchObject({ id: PHOTO, kind: 'photo' });
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(last.verdicts.report!.predictions).toHaveLength(2);
    expect((await embeddingsByModel()).every((e) => Object.keys(e.embeddings).join() === `${SKETCH},${PHOTO}`)).toBe(true);
  });

  test('addExamples with a photo model keeps the picture as JPEG', async () => {
    last = expectReply(await engine.addExamples(classNamed(last, 'Letter A').id, [await madePicture('ring.jpg', 'ring', 'jpeg')]));
    expect(last.problems).toEqual([]);
    expect((await embeddingsByModel())[3]!.original).toMatch(/^data:image\/jpeg;base64,/);
    last = expectReply(await engine.removeExample(classNamed(last, 'Letter A').exampleIds[3]!));
  });

  test('useModel back: the embeddings made before are used again, nothing is embedded', async () => {
    const progress: number[] = [];
    last = expectReply(await engine.useModel(SKETCH, 'wasm', (done) => progress.push(done)));
    expect(last.view.model).toMatchObject({ id: SKETCH });
    expect(progress.filter((done) => done < 100)).toEqual([]); // only the model's download
    expect(verdictNames(last)).toEqual(QUERIES);
  });

  test('useCustomModel: the visitor’s own file (here the sketch model’s bytes and card) gives the same verdicts', async () => {
    const { bytes, cardFields } = modelFiles(SKETCH);
    const sketchScores = last.verdicts.report!.predictions.map((p) => p.scores.map((s) => s.probability));
    last = expectReply(await engine.useCustomModel('mine.onnx', bytes, cardFields, 'wasm', noProgress));
    expect(last.view.model).toMatchObject({ id: 'custom:mine.onnx', backend: 'WASM in Node', dim: 128 });
    expect(last.view.model!.warning).toBeUndefined(); // the card's probe passes
    expect(verdictNames(last)).toEqual(QUERIES);
    const customScores = last.verdicts.report!.predictions.map((p) => p.scores.map((s) => s.probability));
    customScores.flat().forEach((p, i) => expect(p).toBeCloseTo(sketchScores.flat()[i]!, 5));
  });

  test('switchBackend: the same model on another backend, the verdicts again', async () => {
    last = expectReply(await engine.switchBackend('auto'));
    expect(last.view.model).toMatchObject({ id: 'custom:mine.onnx', backend: 'WASM in Node' });
    expect(verdictNames(last)).toEqual(QUERIES);
    expect(last.verdicts.queryThumbs).toHaveLength(2);
  });
});
