/// <reference lib="webworker" />
import { preprocess, type Pixels } from '../../models/preprocess';
import type { Picture } from '../messages';
import { base64ToFloat32, sha256Hex, type ShippedPicture, type ShippedSet } from '../shipped-embeddings';
import { keepAsIs } from './decode';
import { newExample } from './examples';
import type { LoadedModel } from './model';
import type { StoredExample } from './store';

/**
 * An example set's pictures with the embeddings the site ships for them
 * (npm run lab:example-embeddings). Each picture is kept as it is served, and
 * its shipped embedding stands in for running the model only when (a) this
 * runtime's output for the model's probe input hashes as the maker's did and
 * (b) the pixels decoded here hash as the maker's did: then the model would
 * give these very numbers from the kept original. Otherwise the picture is
 * embedded here, from the same decoded pixels.
 */

/** The shipped pictures the running model may take, by position (classes' images, then queries); none where the probe differs. */
export function usableShipped(set: ShippedSet | undefined, model: LoadedModel): Array<ShippedPicture | undefined> | undefined {
  if (!set || set.model !== model.id || !model.probeSha256 || set.probeSha256 !== model.probeSha256) return undefined;
  return set.pictures;
}

/** How many set pictures took their shipped embedding, and how many were embedded here: said once per set in the worker's console. */
export interface ShippedCount {
  shipped: number;
  embedded: number;
}

/** A set picture kept as served, with its shipped embedding where its decoded pixels hash as the maker's did. */
export interface KeptSetPicture {
  original: Blob;
  thumb: Blob;
  pixels: Pixels;
  taken?: Float32Array;
}

/**
 * First step, no model (so every picture of a set can take it at once): the
 * picture kept as it is (a PNG at most ORIGINAL_SIDE; null for any other),
 * and its shipped embedding if the pixels decoded here are the maker's.
 */
export async function keepSetPicture(picture: Picture, shipped: ShippedPicture | undefined, dim: number): Promise<KeptSetPicture | null> {
  const kept = picture.source instanceof Blob ? await keepAsIs(picture.source, picture.name) : null;
  if (!kept) return null;
  const taken = shipped && (await sha256Hex(kept.pixels.data)) === shipped.pixelsSha256 ? decoded(shipped.embedding) : undefined;
  return { ...kept, ...(taken?.length === dim ? { taken } : {}) };
}

/** Second step, one picture at a time: the shipped embedding taken, or the kept original embedded here (any picture not kept as is: as newExample keeps it). */
export async function setExample(picture: Picture, kept: KeptSetPicture | null, model: LoadedModel, count: ShippedCount): Promise<StoredExample> {
  if (!kept) return (count.embedded++, newExample(picture.source, picture.name, model.id, model.embedder));
  const embedding = kept.taken ?? (await model.embedder.embed([preprocess(kept.pixels, model.card)])).data;
  count[kept.taken ? 'shipped' : 'embedded']++;
  return { original: kept.original, thumb: kept.thumb, embeddings: { [model.id]: embedding } };
}

/** A shipped embedding's values, or undefined when its text is not float32 values (then the picture is embedded here). */
function decoded(text: string): Float32Array | undefined {
  try {
    return base64ToFloat32(text);
  } catch {
    return undefined;
  }
}
