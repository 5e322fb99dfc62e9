import { z } from 'astro/zod';
import { DATASET_IDS } from '../lib/models/catalog.ts';
import { METRIC_NAMES } from '../lib/kernels/metrics.ts';
import { NORMALIZATIONS } from '../lib/kernels/normalizations.ts';
import { HEAD_LOSS_NAMES, MAX_HEAD_STEPS } from '../lib/fewshot/head-losses.ts';
import { MAX_REFINE } from './method.ts';
import { stampSchema } from './bench-file.ts';

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
  metric: z.enum(METRIC_NAMES),
  normalize: z.enum(NORMALIZATIONS),
  refine: z.number().int().min(0).max(MAX_REFINE),
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
  head: z.enum(['none', ...HEAD_LOSS_NAMES]).optional(),
  headSteps: z.number().int().min(1).max(MAX_HEAD_STEPS).optional(),
  /** Which classes the episodes drew from: every class of the data set, or only the test (odd-numbered) ones (the data set's split rule, src/lib/eval/datasets.ts), the even ones being where settings were chosen. */
  classes: z.enum(['all', 'test']),
  /** For head rows: this head minus plain prototypes at the same distance and normalisation, on the same episodes. */
  vsPrototypes: pairedDifferenceSchema.optional(),
  /** The run that measured this row: an index into the file's `stamps`. */
  stamp: z.number().int().nonnegative(),
});

const share = z.number().min(0).max(1);

/** Retrieval over a split (npm run eval:all; src/lib/eval/retrieval-rows.ts): every image a query against the rest. */
export const retrievalRowSchema = z.strictObject({
  model: z.string().min(1),
  dataset: z.enum(DATASET_IDS),
  metric: z.enum(METRIC_NAMES),
  normalize: z.enum(NORMALIZATIONS),
  /** The split whose images are the queries and the gallery (as for the few-shot rows). */
  classes: z.enum(['all', 'test']),
  /** Images in the split. */
  images: z.number().int().min(2),
  /** Queries the means are over: images whose class has another image in the split. */
  queries: z.number().int().positive(),
  mapAtR: share,
  rPrecision: share,
  /** Recall@K for K = 1, 2, 4, 8 (RECALL_KS). */
  recallAt: z.strictObject({ 1: share, 2: share, 4: share, 8: share }),
  stamp: z.number().int().nonnegative(),
});

export const evaluationsSchema = z
  .strictObject({
    /**
     * One stamp per run whose rows the file keeps: npm run eval:all (or a part of it, EVAL_MODELS / EVAL_DATASETS)
     * and npm run eval:heads each replace their own rows and keep the others', with their stamps.
     */
    stamps: z.array(stampSchema).min(1),
    results: z.array(evaluationResultSchema).min(1),
    /** Retrieval rows (issue 25); absent in files written before them. */
    retrieval: z.array(retrievalRowSchema).optional(),
  })
  .superRefine((file, ctx) => {
    const rows = { results: file.results, retrieval: file.retrieval ?? [] };
    const used = new Set([...rows.results, ...rows.retrieval].map((r) => r.stamp));
    for (const [key, list] of Object.entries(rows)) {
      list.forEach((r, i) => {
        if (r.stamp >= file.stamps.length) ctx.addIssue({ code: 'custom', path: [key, i, 'stamp'], message: `no stamp ${r.stamp} (the file has ${file.stamps.length})` });
      });
    }
    file.stamps.forEach((_, i) => {
      if (!used.has(i)) ctx.addIssue({ code: 'custom', path: ['stamps', i], message: 'no row was measured by this run' });
    });
  });

export type EvaluationResult = z.output<typeof evaluationResultSchema>;
export type RetrievalRow = z.output<typeof retrievalRowSchema>;
export type Evaluations = z.output<typeof evaluationsSchema>;
