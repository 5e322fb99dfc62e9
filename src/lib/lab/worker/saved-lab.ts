import { savedLabV1Schema, savedLabV2Schema, type SavedLabV1, type SavedLabV2 } from '../../../schemas/saved-lab';
import { currentModelId, isModelId } from '../../models/catalog';

/**
 * Reading a saved lab (an exported file, or version 1 from the browser's
 * storage): checked before anything in the running lab is replaced, and
 * migrated to version 2. Every refusal says what is wrong.
 */
export class SavedLabError extends Error {
  override name = 'SavedLabError';
}

export const SAVED_LAB_VERSION = 2;

/** A file's text as a saved lab: not JSON, not a lab, from a newer version or damaged, each with its own message. */
export function readSavedLabFile(text: string, fileName: string): SavedLabV2 {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SavedLabError(`${fileName} is not a saved lab: it is not JSON.`);
  }
  return parseSavedLab(value);
}

export function parseSavedLab(value: unknown): SavedLabV2 {
  const data = value as { format?: unknown; version?: unknown } | null;
  if (!data || typeof data !== 'object' || data.format !== 'metric-atlas-lab') throw new SavedLabError('This file is not a saved Metric Atlas lab.');
  if (typeof data.version === 'number' && data.version > SAVED_LAB_VERSION) {
    throw new SavedLabError(`This lab was saved by a newer Metric Atlas (format version ${data.version}); this page reads versions 1 and 2.`);
  }
  const parsed = data.version === 1 ? savedLabV1Schema.safeParse(value) : savedLabV2Schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SavedLabError(`The saved lab is damaged: ${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}.`);
  }
  const read = parsed.data.version === 1 ? fromVersion1(parsed.data) : parsed.data;
  // A retired model's lab opens with its successor; its examples are embedded anew from their originals.
  const lab = { ...read, modelId: currentModelId(read.modelId) };
  if (!isModelId(lab.modelId)) throw new SavedLabError(`This lab uses a model this site does not have ("${lab.modelId}").`);
  return lab;
}

/** Version 1 kept no originals: its 64-px thumbnails become them (all there is), its embeddings stay. */
export function fromVersion1(lab: SavedLabV1): SavedLabV2 {
  const { metric, normalization, temperature, refine } = lab.settings;
  return {
    format: 'metric-atlas-lab',
    version: 2,
    modelId: lab.modelId,
    // Version 1's temperature was a fixed 1 that fitted no model: calibration takes over.
    method: { metric, normalization, temperature: temperature === 1 ? 'auto' : temperature, refine },
    classes: lab.session.classes.map((c, i) => ({
      id: `v1-${c.id}`,
      name: c.name,
      examples: c.examples.map((embedding, j) => {
        if (atob(embedding).length !== lab.session.dim * 4) throw new SavedLabError(`The saved lab is damaged: example ${j + 1} of “${c.name}” does not hold ${lab.session.dim} values.`);
        return { id: `v1-${c.id}-${j}`, original: lab.thumbnails[i]![j]!, embeddings: { [lab.modelId]: embedding } };
      }),
    })),
  };
}

export function encodeFloats(values: Float32Array): string {
  return bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** Base64 of any length (String.fromCharCode in slices: one call per byte array would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeFloats(text: string, dim: number): Float32Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  if (binary.length !== dim * 4) return undefined;
  return new Float32Array(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
}
