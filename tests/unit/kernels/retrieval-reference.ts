/**
 * Retrieval metrics in plain f64 TypeScript, written from their definitions
 * rather than from the kernel: for each row, sort every other row by distance
 * (ties to the lower index, NaN as +Infinity), then read R-precision, AP@R and
 * the first relevant rank off the full ranking. Musgrave, Belongie & Lim,
 * "A Metric Learning Reality Check" (2020): R = the number of other rows of the
 * query's class; AP@R = (1/R) Σ_{i=1..R} P(i)·rel(i).
 */
import { RECALL_DEPTH } from '../../../assembly/retrieval/depth.ts';
import type { Matrix } from '../../../src/lib/kernels/matrix.ts';
import type { Metric } from '../../../src/lib/kernels/metrics.ts';
import { referenceDistance } from './reference.ts';

export interface ReferenceRetrieval {
  relevant: number[];
  rPrecision: number[];
  apAtR: number[];
  /** Rank of the first relevant row when it is within max(R, RECALL_DEPTH); else 0. */
  firstHit: number[];
  nearest: number[];
}

const key = (d: number) => (Number.isNaN(d) ? Infinity : d);

/** Every row (or the first `queries` rows) against the others, given d(query i, row j). */
export function retrievalFrom(d: (i: number, j: number) => number, labels: ArrayLike<number>, queries = labels.length): ReferenceRetrieval {
  const n = labels.length;
  const out: ReferenceRetrieval = { relevant: [], rPrecision: [], apAtR: [], firstHit: [], nearest: [] };
  for (let i = 0; i < queries; i++) {
    const row = Array.from({ length: n }, (_, j) => key(d(i, j)));
    const distance = (j: number) => row[j]!;
    const ranking = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .sort((a, b) => distance(a) - distance(b) || a - b);
    const relevance = ranking.map((j) => labels[j] === labels[i]);
    const r = relevance.filter(Boolean).length;
    out.relevant.push(r);
    out.nearest.push(ranking[0] ?? -1);
    if (r === 0) {
      out.rPrecision.push(Number.NaN);
      out.apAtR.push(Number.NaN);
      out.firstHit.push(0);
      continue;
    }
    let hits = 0;
    let precisions = 0;
    for (let rank = 1; rank <= r; rank++) {
      if (!relevance[rank - 1]) continue;
      hits++;
      precisions += hits / rank;
    }
    out.rPrecision.push(hits / r);
    out.apAtR.push(precisions / r);
    const first = relevance.indexOf(true) + 1;
    out.firstHit.push(first <= Math.max(r, RECALL_DEPTH) ? first : 0);
  }
  return out;
}

/** From an n × n distance matrix (row = query), e.g. the kernels' own float32 distances. */
export const retrievalFromMatrix = (d: Matrix, labels: ArrayLike<number>) => retrievalFrom((i, j) => d.data[i * d.cols + j]!, labels);

/** The same with f64 distances computed from the embeddings (the first `queries` rows as queries; the benchmark times a subset). */
export function retrieval(metric: Metric, embeddings: Matrix, labels: ArrayLike<number>, queries = embeddings.rows): ReferenceRetrieval {
  const rows = Array.from({ length: embeddings.rows }, (_, i) => Array.from(embeddings.data.subarray(i * embeddings.cols, (i + 1) * embeddings.cols)));
  return retrievalFrom((i, j) => referenceDistance[metric](rows[i]!, rows[j]!), labels, queries);
}

/** Recall@K of one query from the full ranking's first relevant rank (0: none). */
export const recallAt = (firstHit: number, k: number) => (firstHit >= 1 && firstHit <= k ? 1 : 0);
