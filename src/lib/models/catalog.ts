/**
 * The one list of the site's models and evaluation data sets: the lab's model
 * choice, saved-lab checks, the evaluation scripts and the benchmarks all read
 * it, so adding a model or a data set is one entry here (plus its folder).
 */
export interface CatalogModel {
  /** Folder under models/. */
  id: string;
  kind: 'photo' | 'sketch';
  /** What the lab's Model select says. */
  label: string;
  /** The data set whose validation classes fit this model's temperatures and open-set thresholds. */
  calibrationDataset: DatasetId;
}

export const MODELS = [
  { id: 'sketch-protonet', kind: 'sketch', label: 'Drawings: sketch-protonet (448 KB)', calibrationDataset: 'glyphs-heldout' },
  { id: 'photo-mobilenetv3', kind: 'photo', label: 'Photos: photo-mobilenetv3 (2.1 MB)', calibrationDataset: 'photo-crops' },
] as const satisfies readonly CatalogModel[];

export type ModelId = (typeof MODELS)[number]['id'];
export const MODEL_IDS: readonly ModelId[] = MODELS.map((m) => m.id);
export const DEFAULT_MODEL: ModelId = 'sketch-protonet';

export function isModelId(value: unknown): value is ModelId {
  return MODEL_IDS.includes(value as ModelId);
}

export const DATASET_IDS = ['glyphs-heldout', 'fashion-mnist', 'photo-crops'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];
