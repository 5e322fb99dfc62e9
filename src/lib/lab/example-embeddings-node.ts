import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { createEmbedder } from '../inference/embedder.ts';
import { ortInNode } from '../inference/ort-node.ts';
import { parseModelCard } from '../models/card.ts';
import { preprocess } from '../models/preprocess.ts';
import { probeInput } from '../models/probe.ts';
import { hashModel } from '../results/hashes.ts';
import type { ExampleEmbeddingsSet } from '../../schemas/example-embeddings.ts';
import { picturesInOrder, type PresetSheet } from './preset-sheets.ts';
import { float32ToBase64, probeSha256 } from './shipped-embeddings.ts';

/**
 * An example set's embeddings as the lab's worker would make them, made in
 * Node (npm run lab:example-embeddings writes them; the stale test checks
 * them): the same onnxruntime-web WASM backend as the evaluation harness,
 * the model's probe output fingerprinted as the worker fingerprints it, and
 * each picture decoded from the PNG the site serves, preprocessed by the
 * shared preprocess() and embedded alone (a batch of one, as the worker does).
 */
const ROOT = new URL('../../../', import.meta.url);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The RGBA pixels of a PNG, as a browser decodes an opaque PNG without colour chunks. */
export function decodedPixels(png: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

export const pixelsSha256 = (png: Buffer): string => {
  const { data } = decodedPixels(png);
  return sha256(new Uint8Array(data.buffer, data.byteOffset, data.length));
};

export async function embedPreset(preset: PresetSheet): Promise<ExampleEmbeddingsSet> {
  const card = parseModelCard(JSON.parse(readFileSync(new URL(`models/${preset.model}/card.json`, ROOT), 'utf8')));
  const embedder = await createEmbedder(ortInNode(), new Uint8Array(readFileSync(new URL(`models/${preset.model}/model.onnx`, ROOT))), card);
  try {
    const probe = await probeSha256((await embedder.embed([probeInput(card)])).data);
    const pictures: ExampleEmbeddingsSet['pictures'] = [];
    for (const png of picturesInOrder(preset)) {
      const { data } = await embedder.embed([preprocess(decodedPixels(png), card)]);
      pictures.push({ pixelsSha256: pixelsSha256(png), embedding: float32ToBase64(data) });
    }
    return {
      id: preset.id,
      model: { id: preset.model, sha256: hashModel(preset.model).sha256 },
      sheets: preset.sheets.map((file) => ({ file, sha256: sha256(readFileSync(new URL(file, ROOT))) })),
      probeSha256: probe,
      dim: card.output.dim,
      pictures,
    };
  } finally {
    await embedder.dispose();
  }
}
