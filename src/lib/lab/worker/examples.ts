/// <reference lib="webworker" />
import type { Embedder } from '../../inference/embedder';
import { preprocess } from '../../models/preprocess';
import { keepPicture, pixelsOf } from './decode';
import { timed } from './step-timing';
import type { StoredExample } from './store';
import type { Progress } from '../messages';

/**
 * Examples as the worker keeps them (original, thumbnail, embeddings per
 * model id), and the two ways they are embedded: a new picture, or every kept
 * original a newly chosen model has not embedded yet.
 */

/** How many originals are embedded per call when a model is changed (keeps progress fluid and memory low). */
const BATCH = 16;

export async function newExample(source: Blob | ImageBitmap, name: string, modelId: string, embedder: Embedder): Promise<StoredExample> {
  const { original, thumb, pixels } = await timed('keep', () => keepPicture(source, name, embedder.card.kind === 'sketch' ? 'sketch' : 'photo'));
  const embedding = await timed('embed', async () => (pixels ? (await embedder.embed([preprocess(pixels, embedder.card)])).data : (await embedOriginals([original], embedder))[0]!));
  return { original, thumb, embeddings: { [modelId]: embedding } };
}

export async function embedOriginals(originals: Blob[], embedder: Embedder): Promise<Float32Array[]> {
  const inputs = await timed('pixels', () => Promise.all(originals.map(async (o) => preprocess(await pixelsOf(o), embedder.card))));
  const out = await timed('run', () => embedder.embed(inputs));
  return inputs.map((_, i) => out.data.slice(i * out.cols, (i + 1) * out.cols));
}

/**
 * Embeds, with the model, every example that has no embedding of it yet
 * (changing models, or a lab saved before with another one), or one of the
 * wrong size (saved by an earlier version of the model under the same id).
 * Returns the ids that were (re)embedded, so they can be written back to storage.
 */
export async function embedMissing(examples: Map<string, StoredExample>, ids: string[], modelId: string, embedder: Embedder, onProgress: Progress): Promise<string[]> {
  const missing = ids.filter((id) => examples.get(id) && examples.get(id)!.embeddings[modelId]?.length !== embedder.card.output.dim);
  for (let start = 0; start < missing.length; start += BATCH) {
    const batch = missing.slice(start, start + BATCH);
    const embeddings = await embedOriginals(batch.map((id) => examples.get(id)!.original), embedder);
    batch.forEach((id, i) => (examples.get(id)!.embeddings[modelId] = embeddings[i]!));
    onProgress(Math.min(missing.length, start + BATCH), missing.length);
  }
  return missing;
}
