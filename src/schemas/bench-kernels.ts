import { z } from 'astro/zod';
import { METRIC_NAMES } from '../lib/kernels/metrics.ts';
import { benchFileFields } from './bench-file.ts';

/** One timing of bench/kernels.ts. */
export const kernelBenchRowSchema = z.strictObject({
  /** What was timed: a kernel, its relaxed-SIMD build, the register-only peak probe or TensorFlow.js. */
  kernel: z.string().min(1),
  /** The distance, for distance kernels; null otherwise. */
  metric: z.enum(METRIC_NAMES).nullable(),
  /** The shape, queries × prototypes × dim (for retrieval: queries × gallery × dim); all 0 for the peak probe, which has none. */
  queries: z.number().int().nonnegative(),
  prototypes: z.number().int().nonnegative(),
  dim: z.number().int().nonnegative(),
  /** Median milliseconds of the WASM kernel through the wrapper, copies in and out included. */
  wasmMs: z.number().nonnegative(),
  /** Median milliseconds of the plain TypeScript reference, when it was run. */
  referenceMs: z.number().nonnegative().nullable(),
  /** referenceMs ÷ wasmMs. */
  speedup: z.number().positive().nullable(),
  gflops: z.number().nonnegative(),
  /** TensorFlow.js WASM's time for the same squared-Euclidean matrix divided by ours (> 1: ours is faster). */
  vsTfjs: z.number().positive().optional(),
  /** Share of the register-only peak of the same SIMD flavour. */
  ofPeak: z.number().nonnegative().optional(),
  /** The reference ran on a subset of the queries and its time was scaled up linearly. */
  referenceExtrapolated: z.boolean().optional(),
});

/** bench/results/kernels.json, written by `npm run bench:kernels`. */
export const kernelsBenchSchema = z.strictObject({
  ...benchFileFields,
  machine: z.strictObject({
    cpu: z.string(),
    cores: z.number().int().positive(),
    memoryGiB: z.number().nonnegative(),
    /** Node and V8 versions. */
    runtime: z.string(),
    /** The TensorFlow.js backend compared against, with its SIMD and threads flags. */
    tfjsBackend: z.string(),
  }),
  rows: z.array(kernelBenchRowSchema).min(1),
});

export type KernelBenchRow = z.output<typeof kernelBenchRowSchema>;
export type KernelsBench = z.output<typeof kernelsBenchSchema>;
