import { z } from 'astro/zod';
import { RECORDED_MODEL_IDS } from '../lib/models/catalog.ts';
import { benchFileFields, stampSchema } from './bench-file.ts';

/** One task of bench/lab.ts, timed in headless Chromium against the built site. */
export const labBenchRowSchema = z.strictObject({
  task: z.string().min(1),
  model: z.enum(RECORDED_MODEL_IDS),
  /** Whether the page was cross-origin isolated (threads available). */
  isolated: z.boolean(),
  ms: z.number().nonnegative(),
});

/** One phase of the scale run, with the main thread's long tasks (over 50 ms, PerformanceObserver "longtask") during it. */
export const labScalePhaseSchema = z.strictObject({
  phase: z.enum(['adding by button', 'predicting (button-made lab)', 'adding by folder', 'predicting (folder-made lab)']),
  ms: z.number().nonnegative(),
  longTasks: z.number().int().nonnegative(),
  longestTaskMs: z.number().nonnegative(),
  tasksOver100ms: z.number().int().nonnegative(),
  /** Class cards on the page at the end of the phase, and how many of them were whole (the rest virtualised). */
  classes: z.number().int().nonnegative(),
  cardsWhole: z.number().int().nonnegative(),
});

/** The stress run: classes × drawings by the buttons and as a folder (200 × 20 since issue 23; 50 × 20 before, without phases). */
export const labScaleSchema = z.strictObject({
  classes: z.number().int().positive().optional(),
  perClass: z.number().int().positive().optional(),
  phases: z.array(labScalePhaseSchema).optional(),
  longTasksOver50ms: z.number().int().nonnegative(),
  longestTaskMs: z.number().nonnegative(),
  pageHeapMB: z.number().nonnegative(),
  /** performance.measureUserAgentSpecificMemory() of the page with its workers, at three points. */
  memoryMB: z.strictObject({ afterSetup: z.number().nonnegative(), afterPredictions: z.number().nonnegative(), afterRoundTrips: z.number().nonnegative() }),
  identicalAfterPredictions: z.boolean(),
  identicalAfterRoundTrips: z.boolean(),
});

/** The bulk run (bench/lab-bulk.ts): 20 classes × 500 drawings picked as one folder, on the isolated server. */
export const labBulkSchema = z.strictObject({
  classes: z.number().int().positive(),
  pictures: z.number().int().positive(),
  /** How the folder reached the lab: Chromium's folder picker (its handle, listed and read by the worker), not the input's FileList. */
  pickedWith: z.enum(['showDirectoryPicker', 'webkitdirectory']),
  /** From picking the folder to every class showing its 500 examples. */
  importMs: z.number().nonnegative(),
  /** Main-thread long tasks from the pick to the last class filled (the target: none over 200 ms). */
  importLongestTaskMs: z.number().nonnegative(),
  importTasksOver100ms: z.number().int().nonnegative(),
  /** Distinct "Adding pictures from folders: n of N" lines the status showed during the import. */
  progressUpdates: z.number().int().nonnegative(),
  /** Thumbnail cells in the DOM once imported (of `pictures`). */
  thumbnailsInDom: z.number().int().nonnegative(),
  /** performance.measureUserAgentSpecificMemory() of the page with its workers. */
  memoryMB: z.strictObject({ afterImport: z.number().nonnegative(), atEnd: z.number().nonnegative() }),
  /** Main-thread long tasks over the whole run (import, reload, zip export and import). */
  longestTaskMs: z.number().nonnegative(),
  tasksOver100ms: z.number().int().nonnegative(),
  /** Reload → "Resume" → every class shown again. */
  resumeMs: z.number().nonnegative(),
  losslessAfterReload: z.boolean(),
  exportZipMs: z.number().nonnegative(),
  zipMB: z.number().nonnegative(),
  /** Of the zip, the manifest (names, method and every embedding, base64). */
  manifestMB: z.number().nonnegative(),
  /** Clear → import the zip → every class shown again (embeddings carried in the manifest, not recomputed). */
  importZipMs: z.number().nonnegative(),
  losslessAfterZip: z.boolean(),
});

/**
 * Live camera mode with Chromium's fake camera, as a visitor reads it: the page's own counter under "Live"
 * ([data-lab-live-rate], the median of its readings over the run), beside the verdicts the page rendered.
 */
export const labLiveSchema = z.strictObject({
  model: z.enum(RECORDED_MODEL_IDS),
  /** How the classes were made: two camera photos for each of two classes, or the model's example set. */
  classes: z.enum(['camera', 'example-set']),
  isolated: z.boolean(),
  threads: z.number().int().nonnegative(),
  seconds: z.number().positive(),
  /** "n verdicts per second" as the page showed it (median reading). */
  counterPerSecond: z.number().nonnegative(),
  /** Verdicts rendered over the run ([data-lab].dataset.liveVerdicts), per second: a check on the counter. */
  renderedPerSecond: z.number().nonnegative(),
  /** With camera classes and Live off: photos per second that holding "Take photos" added, by the card's counter. */
  heldPhotosPerSecond: z.number().nonnegative().optional(),
});

/** bench/results/lab.json, written by `npm run bench:lab`. */
export const labBenchSchema = z.strictObject({
  ...benchFileFields,
  machine: z.string().min(1),
  rows: z.array(labBenchRowSchema).min(1),
  live: z.array(labLiveSchema).optional(),
  /** Absent when the stress run was skipped. */
  scale: labScaleSchema.optional(),
  /** Absent unless bench:lab ran with --bulk or --bulk-only; with the stamp of the run that measured it (--bulk-only keeps the file's other parts, with theirs). */
  bulk: labBulkSchema.extend({ stamp: stampSchema }).optional(),
});

export type LabBenchRow = z.output<typeof labBenchRowSchema>;
export type LabBench = z.output<typeof labBenchSchema>;
export type LabBulk = z.output<typeof labBulkSchema>;
export type LabLive = z.output<typeof labLiveSchema>;
export type LabScalePhase = z.output<typeof labScalePhaseSchema>;
