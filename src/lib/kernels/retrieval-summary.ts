import { RECALL_DEPTH } from '../../../assembly/retrieval/depth.ts';

/** Per-query retrieval results, as RetrievalKernels.evaluate returns them. */
export interface PerQueryRetrieval {
  relevant: Int32Array;
  rPrecision: Float64Array;
  apAtR: Float64Array;
  firstHit: Int32Array;
}

/** Means over the queries that have at least one match (R ≥ 1). */
export interface RetrievalSummary {
  /** Queries the means are over. */
  queries: number;
  /** Rows left out: their class has no other row, so nothing could be retrieved for them. */
  leftOut: number;
  /** Mean AP@R. NaN when no query counts. */
  mapAtR: number;
  rPrecision: number;
  /** Recall@1, @2, @4, @8 (RECALL_KS), each the share of queries with a row of their class among their K nearest. */
  recallAt: [number, number, number, number];
}

/** The K of Recall@K, as the deep metric learning benchmarks report it; the largest is the kernel's RECALL_DEPTH. */
export const RECALL_KS = [1, 2, 4, RECALL_DEPTH] as const;

const allRows = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Means over the given rows (default: all) that have R ≥ 1. */
export function summarize(result: PerQueryRetrieval, rows: Iterable<number> = allRows(result.relevant.length)): RetrievalSummary {
  let queries = 0;
  let leftOut = 0;
  let ap = 0;
  let rp = 0;
  const recall: [number, number, number, number] = [0, 0, 0, 0];
  for (const i of rows) {
    if (result.relevant[i] === 0) {
      leftOut++;
      continue;
    }
    queries++;
    ap += result.apAtR[i]!;
    rp += result.rPrecision[i]!;
    const hit = result.firstHit[i]!;
    RECALL_KS.forEach((k, level) => {
      if (hit >= 1 && hit <= k) recall[level] = recall[level]! + 1;
    });
  }
  const mean = (sum: number) => (queries > 0 ? sum / queries : Number.NaN);
  return { queries, leftOut, mapAtR: mean(ap), rPrecision: mean(rp), recallAt: recall.map(mean) as RetrievalSummary['recallAt'] };
}

/** The summary of each class's own queries (labels as given to evaluate); a class with fewer than two rows has queries 0 and NaN means. */
export function summarizeByClass(result: PerQueryRetrieval, labels: ArrayLike<number>, classes: number): RetrievalSummary[] {
  const rowsOf: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) rowsOf[labels[i]!]?.push(i);
  return rowsOf.map((rows) => summarize(result, rows));
}
