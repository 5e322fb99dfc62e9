import { z } from 'astro/zod';
import { headOptionsSchema } from './head-options.ts';
import { MAX_REFINE, methodSchema as method } from './method.ts';

/**
 * A lab exported to a file (and, before version 2, saved in the browser).
 * Version 2 keeps every example's downscaled original, so the lab can be
 * re-embedded by any model and nothing a visitor gave is lost; version 1
 * (embeddings and 64-px thumbnails only) is still read and migrated.
 */
const methodSchema = z.strictObject(method.shape);

/** The learned metric head (issue 13): saved as its settings; training is deterministic, so a restore retrains the same head. */
const headSchema = z.strictObject(headOptionsSchema.shape);

const name = z.string().min(1).max(200);
const id = z.string().min(1).max(100);
/** A picture as a data URL: the only kinds the lab itself writes. */
const picture = z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'is not a PNG or JPEG data URL');

export const savedLabV2Schema = z.strictObject({
  format: z.literal('metric-atlas-lab'),
  version: z.literal(2),
  /** The model the lab was using; embeddings of other models may be present too. */
  modelId: z.string().min(1),
  method: methodSchema,
  head: headSchema.optional(),
  classes: z.array(
    z.strictObject({
      id,
      name,
      examples: z.array(z.strictObject({ id, original: picture, embeddings: z.record(z.string(), z.string()) })),
    }),
  ),
});
export type SavedLabV2 = z.output<typeof savedLabV2Schema>;

export const savedLabV1Schema = z
  .object({
    format: z.literal('metric-atlas-lab'),
    version: z.literal(1),
    modelId: z.string().min(1),
    settings: z.object({ metric: methodSchema.shape.metric, normalization: methodSchema.shape.normalization, temperature: z.number().positive(), refine: z.number().int().min(0).max(MAX_REFINE) }),
    session: z.object({ version: z.literal(1), dim: z.number().int().min(1), classes: z.array(z.object({ id: z.string(), name, examples: z.array(z.string()) })) }),
    thumbnails: z.array(z.array(z.string().regex(/^data:image\/png;base64,/, 'is not a PNG data URL'))),
  })
  .refine((lab) => lab.thumbnails.length === lab.session.classes.length && lab.session.classes.every((c, i) => c.examples.length === lab.thumbnails[i]!.length), {
    message: 'its classes and thumbnails do not match',
  });
export type SavedLabV1 = z.output<typeof savedLabV1Schema>;
