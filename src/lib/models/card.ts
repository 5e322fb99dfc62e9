import { z } from 'astro/zod';
import { stampSchema } from '../../schemas/bench-file.ts';
import { METRIC_NAMES } from '../kernels/metrics.ts';
import { NORMALIZATIONS } from '../kernels/normalizations.ts';

/**
 * The model card: what the lab, the evaluation harness and "bring your own
 * model" need to feed a network and read its embedding. models/<id>/card.json
 * follows it; a custom model's form produces the same object.
 */
const channelValues = (channels: number) => z.array(z.number()).length(channels);

/** One method's fitted values: the softmax temperature, and the open-set threshold used while no class has two examples. */
const settingCalibrationSchema = z.strictObject({ temperature: z.number().positive(), oneShotThreshold: z.number().positive() });

/** Fitted by scripts/fit-calibration.ts on the validation classes of an evaluation set, per "metric/normalisation". */
export const cardCalibrationSchema = z.strictObject({
  fittedBy: z.string().min(1),
  dataset: z.string().min(1),
  /** Which classes of the data set were used: never the ones the Evaluation page reports on. */
  split: z.literal('validation'),
  /** The quantile of same-class distances taken as the one-shot threshold. */
  quantile: z.number().gt(0).max(1),
  settings: z.record(z.string().regex(new RegExp(`^(${METRIC_NAMES.join('|')})/(${NORMALIZATIONS.join('|')})$`)), settingCalibrationSchema),
  /** The run that fitted them (npm run fit:calibration writes it; a custom model's form has none). */
  stamp: stampSchema.optional(),
});
export type CardCalibration = z.output<typeof cardCalibrationSchema>;

/** A fixed input and the embedding WASM gave for it (src/lib/models/probe.ts, npm run probe:cards): each backend is checked against it. */
export const cardProbeSchema = z.strictObject({
  /** How the input is made (probeInput); a new pattern gets a new name. */
  pattern: z.literal('sines-1'),
  /** The reference embedding, float32 little-endian, base64. */
  embedding: z.base64(),
  /** The least cosine similarity to the reference that passes. */
  cosine: z.number().gt(0).max(1),
  /** The largest absolute difference from the reference, per value, that passes. */
  maxAbs: z.number().positive(),
  madeBy: z.string().min(1),
});
export type CardProbe = z.output<typeof cardProbeSchema>;

/** The model file as published (npm run cards:hash): the lab refuses a download whose size or SHA-256 differs. */
export const cardFileSchema = z.strictObject({
  /** model.onnx's size: the download's progress total (a host's Content-Length may be the compressed size) and how a cut-short file is told. */
  bytes: z.number().int().positive(),
  /** model.onnx's SHA-256, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'use 64 lowercase hex digits'),
  madeBy: z.string().min(1),
});
export type CardFile = z.output<typeof cardFileSchema>;

export const modelCardSchema = z
  .strictObject({
    /** Folder name under models/, lowercase with dashes. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
    name: z.string().min(1),
    kind: z.enum(['photo', 'sketch', 'custom']),
    input: z.strictObject({
      /** The ONNX graph's input name. */
      name: z.string().min(1),
      layout: z.literal('NCHW'),
      channels: z.union([z.literal(1), z.literal(3)]),
      height: z.number().int().min(8).max(1024),
      width: z.number().int().min(8).max(1024),
      /** Pixel values the network expects before mean/std: [0, 255] or [0, 1]. */
      range: z.union([z.tuple([z.literal(0), z.literal(255)]), z.tuple([z.literal(0), z.literal(1)])]),
      mean: z.array(z.number()).optional(),
      std: z.array(z.number().positive()).optional(),
      colorOrder: z.literal('RGB'),
      /** Sketch models: ink is white (high) on a black (0) background. */
      ink: z.literal('white-on-black').optional(),
      /** Sketch models: crop to the ink's bounding box, scale its longer side to fit inside this margin, centre. */
      crop: z.strictObject({ rule: z.literal('ink-bounding-box'), margin: z.number().int().min(0) }).optional(),
    }),
    output: z.strictObject({ name: z.string().min(1), dim: z.number().int().min(1).max(8192) }),
    license: z.string().min(1),
    sources: z.array(z.strictObject({ name: z.string().min(1), license: z.string().min(1), url: z.url().optional() })).min(1),
    calibration: cardCalibrationSchema.optional(),
    probe: cardProbeSchema.optional(),
    /** Every site model has one (tests/unit/models/card-file.test.ts); a visitor's own model has none. */
    file: cardFileSchema.optional(),
  })
  .superRefine((card, ctx) => {
    const { channels, mean, std, ink, crop, height, width } = card.input;
    for (const [key, values] of [['mean', mean], ['std', std]] as const) {
      if (values && !channelValues(channels).safeParse(values).success) {
        ctx.addIssue({ code: 'custom', path: ['input', key], message: `needs one value per channel (${channels})` });
      }
    }
    if (card.kind === 'sketch' && (!ink || !crop)) {
      ctx.addIssue({ code: 'custom', path: ['input', ink ? 'crop' : 'ink'], message: 'a sketch model states its ink and crop rule' });
    }
    if (card.probe && atob(card.probe.embedding).length !== card.output.dim * 4) {
      ctx.addIssue({ code: 'custom', path: ['probe', 'embedding'], message: `needs ${card.output.dim} float32 values (output.dim)` });
    }
    if (crop && crop.margin * 2 >= Math.min(height, width)) {
      ctx.addIssue({ code: 'custom', path: ['input', 'crop', 'margin'], message: 'leaves no room for the drawing' });
    }
  });

export type ModelCard = z.output<typeof modelCardSchema>;

export class ModelCardError extends Error {
  override name = 'ModelCardError';
}

/** Validates a card; the error names every bad field, e.g. "input.channels: …". */
export function parseModelCard(value: unknown): ModelCard {
  const result = modelCardSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'card'}: ${issue.message}`);
  throw new ModelCardError(`The model card is not valid — ${problems.join('; ')}.`);
}
