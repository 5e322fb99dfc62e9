import type { Embedder } from '../inference/embedder.ts';
import type { ModelCard } from '../models/card.ts';
import { RAW_PIXELS_MODEL } from '../models/catalog.ts';

/**
 * The floor every model is measured against: the preprocessed pixels
 * themselves as the embedding, with the input of the catalog's
 * RAW_PIXELS_MODEL.inputOf card. The same in Node (node.ts) and in the
 * browser's "run this row" (eval-browser/).
 */
export function rawPixelsEmbedder(inputCard: ModelCard): Embedder {
  const dim = inputCard.input.channels * inputCard.input.height * inputCard.input.width;
  const card = { ...inputCard, id: RAW_PIXELS_MODEL.id, name: RAW_PIXELS_MODEL.name, output: { name: 'pixels', dim } };
  return {
    card,
    async embed(inputs) {
      const data = new Float32Array(inputs.length * dim);
      inputs.forEach((input, i) => data.set(input, i * dim));
      return { data, rows: inputs.length, cols: dim };
    },
    async dispose() {},
  };
}
