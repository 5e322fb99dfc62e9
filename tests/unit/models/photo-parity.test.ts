import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { centernetEmbedding, loadCenternet } from '../../../src/lib/eval/centernet-tfjs.ts';
import { loadDataset, loadModelInNode } from '../../../src/lib/eval/node.ts';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';
import { embedDataset, evaluateEpisodes } from '../../../src/lib/eval/run.ts';
import { preprocess } from '../../../src/lib/models/preprocess.ts';

const photo = (name: string) => {
  const png = PNG.sync.read(readFileSync(new URL(`../../fixtures/photos/${name}`, import.meta.url)));
  return { width: png.width, height: png.height, data: png.data };
};

describe('photo-mobilenetv3', () => {
  test('the ONNX conversion gives the original TensorFlow.js graph’s embedding within 1e-4 (max abs), on real photos', async () => {
    const [{ embedder }, reference] = await Promise.all([loadModelInNode('photo-mobilenetv3'), loadCenternet('cpu')]);
    const size = embedder.card.input.height;
    for (const name of ['chelsea.png', 'coffee.png']) {
      const input = preprocess(photo(name), embedder.card);
      const ours = (await embedder.embed([input])).data;
      const theirs = centernetEmbedding(reference, input, size);
      expect(ours.length).toBe(theirs.length);
      let worst = 0;
      for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - theirs[i]!));
      expect(worst, `${name}: max abs difference`).toBeLessThan(1e-4);
      expect(Math.max(...theirs.map(Math.abs))).toBeGreaterThan(0.1);
    }
    await embedder.dispose();
    reference.dispose();
  }, 120_000);

  test('tells photographs apart from their crops: 5-way 1-shot smoke test above 85 %', async () => {
    const [kernels, { embedder }] = await Promise.all([loadKernelsInNode(), loadModelInNode('photo-mobilenetv3')]);
    const dataset = loadDataset('photo-crops');
    const embeddings = await embedDataset(dataset, embedder);
    const { accuracy } = evaluateEpisodes(embeddings, embedder.card.output.dim, dataset, kernels, {
      way: 5, shot: 1, queries: 15, episodes: 100, metric: 'euclidean', normalize: 'none', refine: 0, seed: 1,
    });
    expect(accuracy).toBeGreaterThan(0.85);
    await embedder.dispose();
  }, 120_000);
});
