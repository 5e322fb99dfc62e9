import { z } from 'astro/zod';
import { RECORDED_MODEL_IDS } from '../lib/models/catalog.ts';
import { benchFileFields } from './bench-file.ts';

/**
 * Peer rows: the photo model's original TensorFlow.js graphs, its MobileNetV2 branch on its own as ONNX (the
 * like-for-like peer of nsfwjs's graph), and its objectron branch on its own as ONNX (it came from a TFLite file,
 * which has no TensorFlow.js graph to set beside it).
 */
export const NSFWJS_GRAPH = 'nsfwjs graph (MobileNetV2 1.4 feature vector)';
export const CENTERNET_GRAPH = 'CenterNet graph (photo-mobilenetv3 taps)';
export const MOBILENETV2_ALONE = 'MobileNetV2 1.4 branch alone (ONNX)';
export const OBJECTRON_ALONE = 'objectron Conv_1 branch alone (ONNX, 8-bit kernels)';
const PEER_MODELS = [NSFWJS_GRAPH, CENTERNET_GRAPH, MOBILENETV2_ALONE, OBJECTRON_ALONE] as const;

/** One runtime × backend × threads × model timing of bench/models-browser.ts. */
export const modelBenchRowSchema = z.strictObject({
  /** Runtime and version, e.g. "onnxruntime-web 1.30". */
  runtime: z.string().min(1),
  backend: z.string().min(1),
  /** Threads the runtime actually used. */
  threads: z.number().int().positive(),
  /** Threads asked for, where the runtime may use fewer (TensorFlow.js). */
  requestedThreads: z.number().int().positive().optional(),
  model: z.union([z.enum(RECORDED_MODEL_IDS), z.enum(PEER_MODELS)]),
  /** Side of the square input, in pixels. */
  inputSize: z.number().int().positive(),
  medianMs: z.number().nonnegative(),
  p90Ms: z.number().nonnegative(),
});

/** onnxruntime-web against TensorFlow.js WASM at one thread count. */
export const peerRatioSchema = z.strictObject({
  /** Which network both runtimes ran, e.g. "MobileNetV2 1.4 vector" or "the lab's photo model (both branches)". */
  network: z.string().min(1),
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
  /** onnxruntime-web session options tried on the photo model, one thread, with what each gave. */
  ortOptions: z.array(z.strictObject({ option: z.string().min(1), network: z.string().min(1), threads: z.number().int().positive(), medianMs: z.number().nonnegative() })),
  /**
   * The photo model on the benchmark's page and in a worker (where the lab runs it), back to back (gapMs 0) and idle
   * for gapMs before each run, as a visitor's adds are spaced. Absent from files made before it was measured.
   */
  placement: z
    .array(z.strictObject({ where: z.enum(['page', 'worker']), threads: z.number().int().positive(), gapMs: z.number().int().nonnegative(), medianMs: z.number().nonnegative(), p90Ms: z.number().nonnegative() }))
    .optional(),
});

export type ModelBenchRow = z.output<typeof modelBenchRowSchema>;
export type ModelsBrowserBench = z.output<typeof modelsBrowserBenchSchema>;
