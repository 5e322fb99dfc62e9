import { z } from 'astro/zod';

/**
 * What every results file records about the run that made it (the "stamp"):
 * bench/results/*.json, src/data/calibration.json, and each run whose rows
 * src/data/evaluations.json keeps. src/lib/results/stamp.ts makes it (Node
 * only); tests/unit/bench-results.test.ts fails when a stamped model or data
 * set differs from the files in models/ and datasets/ today.
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A model the run measured. */
export const stampModelSchema = z.strictObject({
  /** Folder under models/. */
  id: z.string().min(1),
  /** The file hashed, from the repository root: models/<id>/model.onnx. */
  file: z.string().min(1),
  /** SHA-256 of that file. */
  sha256,
});

/** A data set the run measured: the files it read, hashed in a defined order. */
export const stampDatasetSchema = z.strictObject({
  id: z.string().min(1),
  /** Folder of the files: datasets/<id>/ (from the repository root), or where a Debian package installed them (absolute). */
  dir: z.string().min(1),
  /** The files, relative to `dir`, sorted by code point: the order they are hashed in. */
  files: z.array(z.string().min(1)).min(1),
  /**
   * SHA-256 of `sha256sum`'s lines for those files in that order ("<hex>  <file>\n" each), so
   * `(cd DIR && sha256sum FILE…) | sha256sum` gives the same hex.
   */
  sha256,
  /** For a data set Debian installs (Fashion-MNIST): the package and its version when the run read it. */
  debianPackage: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }).optional(),
});

export const stampSchema = z.strictObject({
  /** The command that made the file, as typed: environment variables it read, the npm script and its arguments. */
  command: z.string().min(1),
  /** The code it ran: git HEAD, and whether the tree had uncommitted changes (other than results files). */
  commit: z.strictObject({ sha: z.string().regex(/^[0-9a-f]{40}$/), dirty: z.boolean() }),
  /** When the file was written (ISO 8601). */
  date: z.iso.datetime(),
  /** Wall-clock seconds the run took, where the writer timed it. */
  seconds: z.number().nonnegative().optional(),
  machine: z.strictObject({
    /** os.cpus()[0].model */
    cpu: z.string().min(1),
    /** Logical cores the OS reported. */
    cores: z.number().int().positive(),
    memoryGiB: z.number().positive(),
    /** Distribution (os-release), kernel and architecture. */
    os: z.string().min(1),
  }),
  runtime: z.strictObject({
    /** Node's version (every writer runs on Node). */
    node: z.string().min(1),
    /** The browser that measured, with its version, e.g. "Chromium 142.0.7444.175"; absent when none did. */
    browser: z.string().min(1).optional(),
    /** What ran the models or kernels, e.g. "onnxruntime-web 1.30.0, WASM, 1 thread". */
    engine: z.string().min(1).optional(),
  }),
  /** Every model (models/<id>/model.onnx) the run measured; empty when none. */
  models: z.array(stampModelSchema),
  /** Every data set the run measured; empty when none. */
  datasets: z.array(stampDatasetSchema),
});

/**
 * What every bench/results/*.json starts with. Each benchmark parses its
 * result with its schema before writing it, and the Performance page parses
 * it again at build time, so a stale or hand-edited file fails loudly.
 */
export const benchFileFields = {
  /** The npm script that wrote the file. */
  generatedBy: z.string().min(1),
  /** When it ran (ISO 8601); the same as stamp.date. */
  date: z.iso.datetime(),
  stamp: stampSchema,
};

export type Stamp = z.output<typeof stampSchema>;
export type StampModel = z.output<typeof stampModelSchema>;
export type StampDataset = z.output<typeof stampDatasetSchema>;
