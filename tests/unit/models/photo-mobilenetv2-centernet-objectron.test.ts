import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { centernetEmbedding, loadCenternet } from '../../../src/lib/eval/centernet-tfjs.ts';
import { loadNsfwjs, nsfwjsEmbedding } from '../../../src/lib/eval/nsfwjs-tfjs.ts';
import { loadDataset, loadModelInNode } from '../../../src/lib/eval/node.ts';
import { embedDataset, evaluateEpisodes } from '../../../src/lib/eval/run.ts';
import { classesOf } from '../../../src/lib/eval/datasets.ts';
import { ortInNode } from '../../../src/lib/inference/ort-node.ts';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';
import { preprocess } from '../../../src/lib/models/preprocess.ts';

const ID = 'photo-mobilenetv2-centernet-objectron';
const MODEL = new URL(`../../../models/${ID}/model.onnx`, import.meta.url);

const photo = (name: string) => {
  const png = PNG.sync.read(readFileSync(new URL(`../../fixtures/photos/${name}`, import.meta.url)));
  return { width: png.width, height: png.height, data: png.data };
};

const maxAbs = (a: Float32Array, b: Float32Array) => a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b));
const l2 = (v: Float32Array) => v.map((x) => x / Math.hypot(...v));

/** objectron's Conv_1 from its float16 weights, as MediaPipe ships them (tests/fixtures/photos/README.md). */
const objectronFloat16: { pictures: string[]; outputs: { conv1: number[][] } } = JSON.parse(
  readFileSync(new URL('../../fixtures/photos/objectron-conv1-float16.json', import.meta.url), 'utf8'),
);

describe(ID, () => {
  test('the nsfwjs and CenterNet branches give their original TensorFlow.js graphs’ features within 1e-4 (max abs) on real photos, objectron’s 8-bit branch its float16 original’s within the rounding (cosine ≥ 0.99), and the embedding is the three, each L2-normalised', async () => {
    const [{ embedder }, nsfwjs, centernet] = await Promise.all([loadModelInNode(ID), loadNsfwjs('cpu'), loadCenternet('cpu')]);
    const ort = ortInNode();
    const session = await ort.InferenceSession.create(readFileSync(MODEL), { executionProviders: ['wasm'] });
    for (const name of ['chelsea.png', 'coffee.png']) {
      const input = preprocess(photo(name), embedder.card);
      const out = await session.run({ input: new ort.Tensor('float32', input, [1, 3, 224, 224]) });
      const ours = { mobilenetv2: out.mobilenetv2!.data as Float32Array, centernet: out.centernet!.data as Float32Array, objectron: out.objectron!.data as Float32Array };
      const theirs = { mobilenetv2: nsfwjsEmbedding(nsfwjs, input, 224), centernet: centernetEmbedding(centernet, input.map((v) => v * 255), 224) };
      for (const branch of ['mobilenetv2', 'centernet'] as const) {
        expect(ours[branch].length).toBe(theirs[branch].length);
        expect(maxAbs(ours[branch], theirs[branch]), `${name} ${branch}: max abs difference`).toBeLessThan(1e-4);
        expect(Math.max(...theirs[branch]), `${name} ${branch}: features are not all near zero`).toBeGreaterThan(0.1);
      }
      // 8-bit kernels moved the pooled features by up to 14 % of the largest on these photos (cosine 0.994–0.995).
      const float16 = new Float32Array(objectronFloat16.outputs.conv1[objectronFloat16.pictures.indexOf(name)]!);
      expect(ours.objectron.length).toBe(1280);
      expect(cosine(ours.objectron, float16), `${name} objectron: cosine to the float16 original`).toBeGreaterThan(0.99);
      expect(maxAbs(ours.objectron, float16), `${name} objectron: max abs difference`).toBeLessThan(0.2 * Math.max(...float16));
      const expected = new Float32Array([...l2(theirs.mobilenetv2), ...l2(theirs.centernet), ...l2(ours.objectron)]);
      expect(maxAbs((await embedder.embed([input])).data, expected), `${name}: the embedding`).toBeLessThan(1e-5);
    }
    await Promise.all([session.release(), embedder.dispose()]);
    nsfwjs.dispose();
    centernet.dispose();
  }, 180_000);

  test('accuracy smoke test, 5-way 1-shot on the validation kinds of photo-kinds (above 40 %, chance 20 %) and on photo-crops (above 85 %)', async () => {
    const [kernels, { embedder }] = await Promise.all([loadKernelsInNode(), loadModelInNode(ID)]);
    for (const [name, floor] of [['photo-kinds', 0.4], ['photo-crops', 0.85]] as const) {
      const dataset = loadDataset(name);
      const validation = { ...dataset, byClass: classesOf(dataset, 'validation') };
      const embeddings = await embedDataset(dataset, embedder);
      const { accuracy } = evaluateEpisodes(embeddings, embedder.card.output.dim, validation, kernels, {
        way: 5, shot: 1, queries: 5, episodes: 100, metric: 'euclidean', normalize: 'l2', refine: 0, seed: 1,
      });
      expect(accuracy, name).toBeGreaterThan(floor);
    }
    await embedder.dispose();
  }, 180_000);
});
