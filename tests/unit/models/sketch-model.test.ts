import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';
import { createEmbedder, ModelLoadError } from '../../../src/lib/inference/embedder.ts';
import { ortInNode } from '../../../src/lib/inference/ort-node.ts';
import { loadDataset, loadModelInNode } from '../../../src/lib/eval/node.ts';
import { embedDataset, evaluateEpisodes } from '../../../src/lib/eval/run.ts';
import { parseModelCard } from '../../../src/lib/models/card.ts';
import type { Dataset } from '../../../src/lib/eval/datasets-node.ts';

const MODEL = new URL('../../../models/sketch-protonet/', import.meta.url);
const DIM = parseModelCard(JSON.parse(readFileSync(new URL('card.json', MODEL), 'utf8'))).output.dim;

/** The first `classes` letters of a data set, so the smoke test embeds a few thousand images, not all. */
function firstClasses(dataset: Dataset, classes: number): Dataset {
  const byClass = dataset.byClass.slice(0, classes);
  const images = byClass.flat();
  return { ...dataset, byClass: byClass.map((c) => c.map((i) => images.indexOf(i))), size: images.length, image: (i) => dataset.image(images[i]!) };
}

describe('sketch-protonet', () => {
  test('is at most 2 MB', () => {
    expect(statSync(new URL('model.onnx', MODEL)).size).toBeLessThanOrEqual(2_000_000);
  });

  test("classifies held-out writing systems the lab's default way: 5-way 1-shot smoke test above 98 %", async () => {
    const [kernels, model] = await Promise.all([loadKernelsInNode(), loadModelInNode('sketch-protonet')]);
    const dataset = firstClasses(loadDataset('glyphs-heldout'), 150);
    const embeddings = await embedDataset(dataset, model.embedder);
    const { accuracy, ci95 } = evaluateEpisodes(embeddings, DIM, dataset, kernels, {
      way: 5, shot: 1, queries: 15, episodes: 100, metric: 'euclidean', normalize: 'l2', refine: 0, seed: 1,
    });
    expect(ci95).toBeLessThan(0.02);
    expect(accuracy).toBeGreaterThan(0.98); // 99.7 % with version 2 (1.26 MB, 128-d)
    await model.embedder.dispose();
  }, 120_000);
});

describe('createEmbedder', () => {
  const card = parseModelCard({
    id: 'x', name: 'x', kind: 'custom',
    input: { name: 'input', layout: 'NCHW', channels: 1, height: 28, width: 28, range: [0, 1], colorOrder: 'RGB' },
    output: { name: 'embedding', dim: DIM }, license: 'MIT', sources: [{ name: 'x', license: 'MIT' }],
  });

  test('rejects a file that is not ONNX with a clear error', async () => {
    await expect(createEmbedder(ortInNode(), new TextEncoder().encode('this is not a model'), card)).rejects.toThrow(ModelLoadError);
  });

  test("rejects a card whose input name is not the model's", async () => {
    const model = new Uint8Array(await (await import('node:fs/promises')).readFile(new URL('model.onnx', MODEL)));
    await expect(createEmbedder(ortInNode(), model, { ...card, input: { ...card.input, name: 'image' } })).rejects.toThrow(/names the input "image", but the model's inputs are: input/);
  });

  test("rejects a card whose embedding size is not the model's, at the first inference", async () => {
    const model = new Uint8Array(await (await import('node:fs/promises')).readFile(new URL('model.onnx', MODEL)));
    const embedder = await createEmbedder(ortInNode(), model, { ...card, output: { ...card.output, dim: DIM + 1 } });
    await expect(embedder.embed([new Float32Array(28 * 28)])).rejects.toThrow(`${DIM} values per input, but the card says ${DIM + 1}`);
    await embedder.dispose();
  });
});
