import { z } from 'astro/zod';
import { benchFileFields } from './bench-file.ts';

/** Lighthouse's scores and timings for one page. */
export const lighthouseRowSchema = z.strictObject({
  page: z.string().min(1),
  performance: z.number().min(0).max(1),
  accessibility: z.number().min(0).max(1),
  /** Largest contentful paint. */
  lcpMs: z.number().nonnegative(),
  /** Total blocking time. */
  tbtMs: z.number().nonnegative(),
  /** Cumulative layout shift. */
  cls: z.number().nonnegative(),
});

/** bench/results/lighthouse.json, written by `npm run audit` (absent until it has run). */
export const lighthouseBenchSchema = z.strictObject({
  ...benchFileFields,
  /** Lighthouse's form factor and throttling. */
  settings: z.string(),
  thresholds: z.strictObject({ performance: z.number().min(0).max(1), accessibility: z.number().min(0).max(1) }),
  rows: z.array(lighthouseRowSchema).min(1),
});

export type LighthouseRow = z.output<typeof lighthouseRowSchema>;
export type LighthouseBench = z.output<typeof lighthouseBenchSchema>;
