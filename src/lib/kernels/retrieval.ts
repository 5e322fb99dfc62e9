import type { Matrix } from './matrix.ts';
import { METRICS, type Metric } from './metrics.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { summarize, type RetrievalSummary } from './retrieval-summary.ts';

export { RECALL_KS, summarizeByClass, type RetrievalSummary } from './retrieval-summary.ts';
import { checkLabels, checkMatrix, checkMetric, toInt32 } from './validate.ts';

/** assembly/retrieval/ */
export interface RetrievalExports extends BaseExports {
  retrieval(metric: number, emb: number, labels: number, n: number, dim: number, counts: number, relevant: number, rPrecision: number, apAtR: number, firstHit: number, nearest: number, scratch: number): void;
  retrievalScratchBytes(n: number): number;
}

/** Every row as a query against all the others: one entry per row. */
export interface RetrievalResult {
  /** R: how many other rows share the query's class. 0: the query has no match and is left out of every mean. */
  relevant: Int32Array;
  /** Share of the query's class among its R nearest rows; NaN where R = 0. */
  rPrecision: Float64Array;
  /** AP@R = (1/R) Σ_{i ≤ R} P(i)·rel(i); its mean over queries is MAP@R. NaN where R = 0. */
  apAtR: Float64Array;
  /** 1-based rank of the nearest row of the query's class, when it is among the max(R, 8) nearest; 0 otherwise and where R = 0. Recall@K is firstHit in 1 … K. */
  firstHit: Int32Array;
  /** The query's nearest other row (rank 1); −1 when there is only one row. */
  nearest: Int32Array;
  /** Means over the queries with R ≥ 1. */
  summary: RetrievalSummary;
}

/**
 * Retrieval as "A Metric Learning Reality Check" (Musgrave et al., 2020)
 * measures it: MAP@R, R-precision and Recall@1/2/4/8, each row a query against
 * the rest. The maths is in assembly/retrieval/.
 */
export class RetrievalKernels extends KernelModule<RetrievalExports> {
  /**
   * Ranks all other rows for each row under `metric` (the query is the anchor
   * of asymmetric metrics such as SNR). Ties in distance rank the lower row
   * index first. Rows whose class has no other member are not queries: their
   * metrics are NaN and `summary.leftOut` counts them. K beyond the gallery
   * (n − 1 rows) counts the whole gallery. Labels run from 0 to classes − 1;
   * a class may be empty.
   */
  evaluate(metric: Metric, embeddings: Matrix, labels: ArrayLike<number>, classes: number): RetrievalResult {
    checkMetric(metric);
    const labelArray = toInt32(labels);
    checkMatrix('Embeddings', embeddings);
    const counts = checkLabels(labelArray, embeddings.rows, classes, { allowEmptyClass: true });
    const n = embeddings.rows;
    this.arena.reset();
    const emb = this.upload('Embeddings', embeddings);
    const labelPtr = this.arena.putI32(labelArray);
    const countPtr = this.arena.putI32(counts);
    const relevant = this.arena.alloc(n * 4);
    const rPrecision = this.arena.alloc(n * 8);
    const apAtR = this.arena.alloc(n * 8);
    const firstHit = this.arena.alloc(n * 4);
    const nearest = this.arena.alloc(n * 4);
    const scratch = this.arena.alloc(this.wasm.retrievalScratchBytes(n));
    this.wasm.retrieval(METRICS[metric].id, emb, labelPtr, n, embeddings.cols, countPtr, relevant, rPrecision, apAtR, firstHit, nearest, scratch);
    const result = {
      relevant: this.arena.i32(relevant, n).slice(),
      rPrecision: this.arena.f64(rPrecision, n).slice(),
      apAtR: this.arena.f64(apAtR, n).slice(),
      firstHit: this.arena.i32(firstHit, n).slice(),
      nearest: this.arena.i32(nearest, n).slice(),
    };
    return { ...result, summary: summarize(result) };
  }
}
