import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { loadModelInNode } from '../../../src/lib/eval/node.ts';
import { ClassStore } from '../../../src/lib/fewshot/class-store.ts';
import { DEFAULT_METHOD } from '../../../src/lib/fewshot/method.ts';
import { Predictor } from '../../../src/lib/fewshot/predictor.ts';
import { sheetCell } from '../../../src/lib/images/crop.ts';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';
import { modelOfKind } from '../../../src/lib/models/catalog.ts';
import { preprocess } from '../../../src/lib/models/preprocess.ts';

/**
 * The photo model's example set (datasets/photo-things, cut by
 * src/pages/lab/presets.json.ts) as the lab's worker meets it: each kind's
 * five photographs become a class, with the default method and the card's
 * calibration, and each kind's query must get its kind as the first verdict,
 * not another kind and not "unknown". (The page keeps a photo as JPEG before
 * embedding it; the lab's end-to-end test checks the verdicts there.)
 */
const DIR = new URL('../../../datasets/photo-things/', import.meta.url);

describe('the photo example set of things', () => {
  test('the photo model gives each query its own kind with the lab’s default method', async () => {
    const index = JSON.parse(readFileSync(new URL('index.json', DIR), 'utf8')) as { cell: number; perClass: number; classes: Array<{ kind: string }> };
    const sheet = PNG.sync.read(readFileSync(new URL('photos.png', DIR)));
    const [kernels, { embedder }] = await Promise.all([loadKernelsInNode(), loadModelInNode(modelOfKind('photo'))]);
    const embed = async (row: number, column: number) => (await embedder.embed([preprocess(sheetCell(sheet, index.cell, row, column), embedder.card)])).data;
    const store = new ClassStore(embedder.card.output.dim);
    store.setMethod(DEFAULT_METHOD);
    const predictor = new Predictor(store, embedder.card.calibration);
    const ids: string[] = [];
    for (const [row, { kind }] of index.classes.entries()) {
      ids.push(store.addClass(kind));
      for (let column = 0; column < index.perClass; column++) store.addExample(ids[row]!, await embed(row, column));
    }
    const queries = await Promise.all(index.classes.map((_, row) => embed(row, index.perClass)));
    const { predictions } = predictor.predict(kernels, queries);
    predictions.forEach((p, row) => {
      const kind = index.classes[row]!.kind;
      expect(p.classId, `the ${kind} query`).toBe(ids[row]);
      const probability = p.scores.find((s) => s.classId === ids[row])!.probability;
      expect(probability, `the ${kind} query's confidence, the largest`).toBe(Math.max(...p.scores.map((s) => s.probability)));
    });
    await embedder.dispose();
  }, 120_000);
});
