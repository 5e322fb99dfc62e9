import { z } from 'astro/zod';
import { RECORDED_MODEL_IDS } from '../lib/models/catalog.ts';
import { benchFileFields } from './bench-file.ts';

/** The peer row's model: the photo model's original TensorFlow.js graph. */
export const ORIGINAL_PHOTO_GRAPH = 'photo (original graph)';

/** One runtime × backend × threads × model timing of bench/models-browser.ts. */
export const modelBenchRowSchema = z.strictObject({
  /** Runtime and version, e.g. "onnxruntime-web 1.30". */
  runtime: z.string().min(1),
  backend: z.string().min(1),
  /** Threads the runtime actually used. */
  threads: z.number().int().positive(),
  /** Threads asked for, where the runtime may use fewer (TensorFlow.js). */
  requestedThreads: z.number().int().positive().optional(),
  model: z.union([z.enum(RECORDED_MODEL_IDS), z.literal(ORIGINAL_PHOTO_GRAPH)]),
  /** Side of the square input, in pixels. */
  inputSize: z.number().int().positive(),
  medianMs: z.number().nonnegative(),
  p90Ms: z.number().nonnegative(),
});

/** onnxruntime-web against TensorFlow.js WASM at one thread count. */
export const peerRatioSchema = z.strictObject({
  threads: z.number().int().positive(),
  onnxruntimeMs: z.number().nonnegative().optional(),
  tfjsWasmMs: z.number().nonnegative().optional(),
  /** onnxruntimeMs ÷ tfjsWasmMs; absent when either was not measured. */
  ratio: z.number().positive().optional(),
});

/** bench/results/models-browser.json, written by `npm run bench:models-browser`. */
export const modelsBrowserBenchSchema = z.strictObject({
  ...benchFileFields,
  /** "CPU, cores; Chromium version". */
  machine: z.string().min(1),
  /** Timed runs per row, after warm-up. */
  iterations: z.number().int().positive(),
  /** Whether WebGPU was measured, and why not. */
  webgpu: z.string(),
  rows: z.array(modelBenchRowSchema).min(1),
  peerComparison: z.strictObject({
    ratios: z.array(peerRatioSchema),
    target: z.string(),
    /** How close the two runtimes' photo embeddings are on the same pixels. */
    embeddingParity: z.strictObject({ cosine: z.number().min(-1).max(1), maxAbsDifference: z.number().nonnegative() }).optional(),
  }),
});

export type ModelBenchRow = z.output<typeof modelBenchRowSchema>;
export type ModelsBrowserBench = z.output<typeof modelsBrowserBenchSchema>;
