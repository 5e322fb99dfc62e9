import type { PredictOptions, SessionData } from '../fewshot/session';

/**
 * What the lab saves (in IndexedDB, and in an exported file): the model, the
 * method settings, the session's embeddings and each example's thumbnail.
 * Versioned so a file from a future version is refused clearly.
 */
export interface SavedLab {
  format: 'metric-atlas-lab';
  version: 1;
  modelId: string;
  settings: PredictOptions;
  session: SessionData;
  /** Per class, in session order: PNG data URLs of the examples, in example order. */
  thumbnails: string[][];
}

export class SavedLabError extends Error {
  override name = 'SavedLabError';
}

const MODELS = ['sketch-protonet', 'photo-mobilenetv3'];

/** Checks a parsed file before anything in the running lab is replaced. */
export function parseSavedLab(value: unknown): SavedLab {
  const data = value as Partial<SavedLab> | null;
  if (!data || typeof data !== 'object' || data.format !== 'metric-atlas-lab') throw new SavedLabError('This file is not a saved Metric Atlas lab.');
  if (data.version !== 1) throw new SavedLabError(`This lab was saved by a newer Metric Atlas (format version ${String(data.version)}); this page reads version 1.`);
  if (!MODELS.includes(String(data.modelId))) throw new SavedLabError(`This lab uses a model this site does not have ("${String(data.modelId)}").`);
  if (!data.session || !Array.isArray(data.session.classes) || !Array.isArray(data.thumbnails) || data.thumbnails.length !== data.session.classes.length) {
    throw new SavedLabError('The saved lab is damaged: its classes and thumbnails do not match.');
  }
  data.thumbnails.forEach((thumbs, i) => {
    if (!Array.isArray(thumbs) || thumbs.length !== data.session!.classes[i]?.examples?.length || !thumbs.every((t) => typeof t === 'string' && t.startsWith('data:image/png;base64,'))) {
      throw new SavedLabError('The saved lab is damaged: a class has thumbnails that do not match its examples.');
    }
  });
  return data as SavedLab;
}
