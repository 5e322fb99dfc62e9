/// <reference lib="webworker" />
import type { SavedLabV2 } from '../../../schemas/saved-lab';
import { bytesToBase64, decodeFloats, encodeFloats, SavedLabError } from './saved-lab';
import { thumbOf } from './decode';
import type { LabShape, StoredExample } from './store';

/**
 * The lab as a file: version 2, every original as it is kept (lossless) and
 * every embedding made so far. Each original is written as `originalAs` says:
 * a data URL here, its path in the zip for a zip's manifest.
 */
export async function exportLab(shape: LabShape, examples: ReadonlyMap<string, StoredExample>, originalAs: (id: string, original: Blob) => Promise<string> = (_, blob) => dataUrl(blob)): Promise<Blob> {
  const lab: SavedLabV2 = {
    format: 'metric-atlas-lab',
    version: 2,
    modelId: shape.modelId,
    method: shape.method,
    ...(shape.head ? { head: shape.head } : {}),
    classes: await Promise.all(
      shape.classes.map(async (c) => ({
        id: c.id,
        name: c.name,
        examples: await Promise.all(
          c.exampleIds.map(async (id) => {
            const example = examples.get(id)!;
            return { id, original: await originalAs(id, example.original), embeddings: Object.fromEntries(Object.entries(example.embeddings).map(([model, e]) => [model, encodeFloats(e)])) };
          }),
        ),
      })),
    ),
  };
  return new Blob([JSON.stringify(lab)], { type: 'application/json' });
}

/** A checked saved lab (parseSavedLab) as the worker keeps it; the thumbnails are made anew from the originals, read by `readOriginal` (a data URL here, a zip's entry for a manifest). */
export async function importLab(lab: SavedLabV2, readOriginal: (original: string) => Promise<Blob> = async (url) => (await fetch(url)).blob()): Promise<{ shape: LabShape; examples: Map<string, StoredExample> }> {
  const examples = new Map<string, StoredExample>();
  for (const c of lab.classes) {
    for (const [j, e] of c.examples.entries()) {
      const original = await readOriginal(e.original);
      let thumb: Blob;
      try {
        thumb = await thumbOf(original);
      } catch {
        throw new SavedLabError(`The saved lab is damaged: example ${j + 1} of “${c.name}” is not a picture that can be opened.`);
      }
      const embeddings: Record<string, Float32Array> = {};
      for (const [model, text] of Object.entries(e.embeddings)) {
        const values = decodeFloats(text, Math.floor(atob(text).length / 4));
        if (values && values.every(Number.isFinite)) embeddings[model] = values;
      }
      examples.set(e.id, { original, thumb, embeddings });
    }
  }
  return { shape: { modelId: lab.modelId, method: lab.method, ...(lab.head ? { head: lab.head } : {}), classes: lab.classes.map((c) => ({ id: c.id, name: c.name, exampleIds: c.examples.map((e) => e.id) })) }, examples };
}

async function dataUrl(blob: Blob): Promise<string> {
  return `data:${blob.type || 'image/png'};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}
