import type { DatasetId } from '../eval/datasets.ts';

/**
 * The one list of the site's models: the lab's model choice, saved-lab
 * checks, the evaluation scripts and the benchmarks all read it, so adding a
 * model is one entry here (plus its folder). The evaluation data sets are
 * src/lib/eval/datasets.ts, re-exported here. Model ids are written nowhere
 * else (tests aside).
 */
export { DATASET_IDS, type DatasetId } from '../eval/datasets.ts';

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
  { id: 'sketch-protonet', kind: 'sketch', label: 'Drawings: sketch-protonet (1.3 MB)', calibrationDataset: 'glyphs-heldout' },
  { id: 'photo-mobilenetv2-centernet-objectron', kind: 'photo', label: 'Photos: three-network model (8.0 MB)', calibrationDataset: 'photo-kinds' },
] as const satisfies readonly CatalogModel[];

export type ModelId = (typeof MODELS)[number]['id'];
export const MODEL_IDS: readonly ModelId[] = MODELS.map((m) => m.id);
export const DEFAULT_MODEL: ModelId = 'sketch-protonet';

/** The lab's model for pictures of this kind. */
export function modelOfKind(kind: CatalogModel['kind']): ModelId {
  return MODELS.find((m) => m.kind === kind)!.id;
}

export function isModelId(value: unknown): value is ModelId {
  return MODEL_IDS.includes(value as ModelId);
}

/**
 * Models the lab no longer offers, and the one that replaced each: a saved lab
 * naming one opens with its successor, and its examples are embedded again
 * from their kept originals (an embedding is stored per model id).
 * Each retired photo model is a part of today's: photo-mobilenetv3's CenterNet
 * taps beat on kinds of thing by 2–4 points on test classes once nsfwjs's
 * MobileNetV2 vector joined them (photo-mobilenetv2-centernet), and that pair
 * by 3–4.5 more once objectron's Conv_1 joined it (paired,
 * scripts/compare-photo-features.ts and compare-photo-candidates.ts;
 * models/photo-mobilenetv2-centernet-objectron/README.md).
 */
export const RETIRED_MODEL_IDS = ['photo-mobilenetv3', 'photo-mobilenetv2-centernet'] as const;
export const RETIRED_MODELS: Readonly<Record<(typeof RETIRED_MODEL_IDS)[number], ModelId>> = {
  'photo-mobilenetv3': 'photo-mobilenetv2-centernet-objectron',
  'photo-mobilenetv2-centernet': 'photo-mobilenetv2-centernet-objectron',
};

/** The id a saved lab's model id stands for today: itself, or a retired model's successor. */
export function currentModelId(id: string): string {
  return RETIRED_MODELS[id as (typeof RETIRED_MODEL_IDS)[number]] ?? id;
}

/** Ids that recorded results (benchmarks) may name: today's models and retired ones. */
export const RECORDED_MODEL_IDS = [...MODEL_IDS, ...RETIRED_MODEL_IDS] as const;

/**
 * The floor every model is measured against (src/lib/eval/node.ts): no network,
 * the pixels as the sketch model's preprocessing gives them are the embedding.
 */
export const RAW_PIXELS_MODEL = { id: 'raw-pixels', name: 'Raw pixels (no network)', inputOf: 'sketch-protonet' } as const satisfies { id: string; name: string; inputOf: ModelId };
