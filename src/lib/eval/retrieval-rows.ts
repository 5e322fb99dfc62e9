/**
 * Retrieval over one split of a data set, as deep metric learning reports it
 * (issue 25): every image a query against all the other images of the split,
 * measured by the kernels' MAP@R, R-precision and Recall@1/2/4/8
 * (assembly/retrieval/), for each distance and normalisation the few-shot
 * rows use. No maths here: the kernels rank and score, and the embeddings
 * are normalised by the lab session's own function (normalizedSupports), so
 * centring ('cl2n') is on the mean of the whole split, the one set of
 * examples there is, as the lab's retrieval fold centres on the visitor's examples.
 */
import { METRIC_NAMES, NORMALIZATIONS, RECALL_KS, type Kernels, type Matrix, type Metric, type Normalization } from '../kernels/index.ts';
import { normalizedSupports } from '../fewshot/fit.ts';

/** Recall@K keyed by K (RECALL_KS), as the results file stores it. */
export type RecallAt = Record<`${(typeof RECALL_KS)[number]}`, number>;

/** One distance setting's retrieval over a split. */
export interface RetrievalMeasure {
  metric: Metric;
  normalize: Normalization;
  /** Images in the split: each is a query, and the gallery of every other one. */
  images: number;
  /** Queries the means are over: the images whose class has another image (the kernel leaves the rest out). */
  queries: number;
  mapAtR: number;
  rPrecision: number;
  recallAt: RecallAt;
}

/** Rows measured before (retrieval-cache.ts keeps them on disk), so a long run can resume. */
export interface RetrievalCache {
  get(metric: Metric, normalize: Normalization): RetrievalMeasure | undefined;
  put(row: RetrievalMeasure): void;
}

/** Class number of each image, from a data set's classes (lists of image numbers 0 … size − 1). */
export function labelsOf(byClass: readonly (readonly number[])[], size: number): Int32Array {
  const labels = new Int32Array(size).fill(-1);
  byClass.forEach((images, c) => images.forEach((i) => (labels[i] = c)));
  const missing = labels.indexOf(-1);
  if (missing !== -1) throw new Error(`Image ${missing} of ${size} is in no class: retrieval needs every image labelled.`);
  return labels;
}

/** The split's embeddings normalised as the lab's session normalises its examples. */
export function normalizedSplit(kernels: Kernels, raw: Matrix, labels: Int32Array, classes: number, normalize: Normalization): Matrix {
  return normalizedSupports(kernels, raw, labels, classes, { metric: 'euclidean', normalization: normalize, temperature: 'auto', refine: 0 }).normalized;
}

/** Retrieval of already normalised embeddings under one metric. */
export function measureRetrieval(kernels: Kernels, normalized: Matrix, labels: Int32Array, classes: number, metric: Metric, normalize: Normalization): RetrievalMeasure {
  const { summary } = kernels.retrieval.evaluate(metric, normalized, labels, classes);
  if (summary.queries === 0) throw new Error('No image has another of its class to find: there is nothing to measure retrieval on.');
  const recallAt = Object.fromEntries(RECALL_KS.map((k, level) => [k, summary.recallAt[level]!])) as RecallAt;
  return { metric, normalize, images: normalized.rows, queries: summary.queries, mapAtR: summary.mapAtR, rPrecision: summary.rPrecision, recallAt };
}

/**
 * Every metric × normalisation (METRIC_NAMES × NORMALIZATIONS, metric first, as
 * the few-shot rows are ordered) over a split: `embeddings` holds its images'
 * rows (dim each) in image order, `byClass` its classes. Rows `cache` has are
 * taken from it; measured ones are put there as they finish.
 */
export function retrievalRows(
  kernels: Kernels,
  embeddings: Float32Array,
  dim: number,
  byClass: readonly (readonly number[])[],
  onRow?: (row: RetrievalMeasure, seconds: number, cached: boolean) => void,
  cache?: RetrievalCache,
): RetrievalMeasure[] {
  const raw: Matrix = { data: embeddings, rows: embeddings.length / dim, cols: dim };
  const labels = labelsOf(byClass, raw.rows);
  const rows: RetrievalMeasure[] = [];
  // Normalised once per normalisation (a copy of the split each), then measured under every metric.
  for (const normalize of NORMALIZATIONS) {
    let normalized: Matrix | undefined;
    for (const metric of METRIC_NAMES) {
      const cached = cache?.get(metric, normalize);
      const started = performance.now();
      normalized ??= cached ? undefined : normalizedSplit(kernels, raw, labels, byClass.length, normalize);
      const row = cached ?? measureRetrieval(kernels, normalized!, labels, byClass.length, metric, normalize);
      if (!cached) cache?.put(row);
      onRow?.(row, (performance.now() - started) / 1000, cached !== undefined);
      rows.push(row);
    }
  }
  const order = (r: RetrievalMeasure) => METRIC_NAMES.indexOf(r.metric) * NORMALIZATIONS.length + NORMALIZATIONS.indexOf(r.normalize);
  return rows.sort((a, b) => order(a) - order(b));
}
