import { z } from 'astro/zod';
import { METRIC_NAMES } from '../lib/kernels/metrics.ts';
import { NORMALIZATIONS } from '../lib/kernels/normalizations.ts';
import { says } from './messages.ts';

/** The most soft k-means refinement steps the lab and its saved files allow. */
export const MAX_REFINE = 10;

const metric = says((v) => `Unknown distance "${String(v)}".`);
const normalization = says((v) => `Unknown normalisation "${String(v)}".`);
const temperature = says((v) => `The temperature must be "auto" or a number above 0; got ${String(v)}.`);
const refine = says((v) => `Refinement steps must be a whole number from 0 to ${MAX_REFINE}; got ${String(v)}.`);

/**
 * How the lab turns embeddings into a verdict, from a form, a saved lab or a
 * URL. Ids and bounds come from the registries (kernels/metrics.ts,
 * kernels/normalizations.ts); every message names the bad field.
 */
export const methodSchema = z.object({
  /** The distance (kernels/metrics.ts). */
  metric: z.enum(METRIC_NAMES, metric),
  /** How rows are treated before distances (kernels/normalizations.ts). */
  normalization: z.enum(NORMALIZATIONS, normalization),
  /** 'auto': the model card's fitted value, refitted on the visitor's examples when they allow it. */
  temperature: z.union([z.literal('auto', temperature), z.number(temperature).positive(temperature)], temperature),
  /** Soft k-means steps that also use the queries as unlabeled data (transductive). */
  refine: z.number(refine).int(refine).min(0, refine).max(MAX_REFINE, refine),
});
export type Method = z.output<typeof methodSchema>;
