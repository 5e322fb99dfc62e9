import { z } from 'astro/zod';
import { DATASET_IDS } from '../lib/models/catalog.ts';

/**
 * src/data/evaluations.json, as scripts/eval-all.ts writes it and the
 * Evaluation page reads it. Parsing it at build time turns a stale or
 * hand-edited file into a clear error instead of a wrong table.
 */

/** A mean per-episode difference of accuracies (src/lib/eval/paired.ts) with its 95 % half-width. */
export const pairedDifferenceSchema = z.strictObject({
  difference: z.number().min(-1).max(1),
  ci95: z.number().nonnegative(),
});

export const evaluationResultSchema = z.strictObject({
  model: z.string().min(1),
  dataset: z.enum(DATASET_IDS),
  way: z.number().int().min(2),
  shot: z.number().int().positive(),
  queries: z.number().int().positive(),
  episodes: z.number().int().positive(),
  metric: z.enum(['euclidean', 'cosine', 'snr', 'poincare']),
  normalize: z.enum(['none', 'l2', 'cl2n']),
  refine: z.number().int().nonnegative(),
  seed: z.number().int(),
  accuracy: z.number().min(0).max(1),
  ci95: z.number().nonnegative(),
  /** Which episodes were drawn; equal fingerprints mean the same episodes. */
  episodeFingerprint: z.string().regex(/^[0-9a-f]{8}$/),
  /** This setting minus the baseline (squared Euclidean, no normalisation, no refinement), on the same episodes. */
  vsBaseline: pairedDifferenceSchema,
  /** For refined settings: this setting minus the same setting without refinement, on the same episodes. */
  vsUnrefined: pairedDifferenceSchema.optional(),
  /** A learned metric head trained on each episode's supports (npm run eval:heads); absent or "none" for plain prototypes. */
  head: z.enum(['none', 'norm-softmax', 'soft-triple', 'multi-similarity', 'circle']).optional(),
  headSteps: z.number().int().positive().optional(),
  /** Which classes the episodes drew from: every class (absent), or only the test (odd-numbered) ones, when settings were chosen on the others. */
  classes: z.enum(['test']).optional(),
  /** For head rows: this head minus plain prototypes at the same distance and normalisation, on the same episodes. */
  vsPrototypes: pairedDifferenceSchema.optional(),
});

export const evaluationsSchema = z.strictObject({
  generatedBy: z.string().min(1),
  date: z.iso.datetime(),
  machine: z.string().min(1),
  seconds: z.number().nonnegative(),
  results: z.array(evaluationResultSchema).min(1),
});

export type EvaluationResult = z.output<typeof evaluationResultSchema>;
export type Evaluations = z.output<typeof evaluationsSchema>;
