import { z } from 'astro/zod';
import { HEAD_LOSS_NAMES } from '../lib/fewshot/head-losses.ts';
import { benchFileFields } from './bench-file.ts';

/** bench/results/head.json, written by bench/head.ts: the metric head's training cost beside prototypes'. */
export const headBenchSchema = z.strictObject({
  ...benchFileFields,
  machine: z.string().min(1),
  shape: z.strictObject({ classes: z.number().int().positive(), shots: z.number().int().positive(), dim: z.number().int().positive(), steps: z.number().int().positive() }),
  /** Prototypes and their leave-one-out calibration: what the lab does without a head. */
  prototypeMs: z.number().nonnegative(),
  gramMs: z.number().nonnegative(),
  rows: z.array(
    z.strictObject({
      loss: z.enum(HEAD_LOSS_NAMES),
      /** The steps alone, on a Gram matrix already computed. */
      trainMs: z.number().nonnegative(),
      /** What the lab does on "Learn the metric": Gram, training, and the held-out rounds that calibrate it. */
      withRoundsMs: z.number().nonnegative(),
    }),
  ),
});
