// Retrieval measured as deep metric learning reports it: every row of an
// embedding set in turn is the query, and the gallery is all the other rows
// (the query itself is left out by index). With R = the number of other rows
// of the query's class, and the gallery ranked by the metric:
//   R-precision = (rows of the class among the R nearest) / R
//   AP@R        = (1/R) Σ_{i=1..R} P(i)·rel(i), P(i) the precision of the i nearest
//   first hit   = the rank of the nearest row of the class, so Recall@K = [first hit ≤ K]
// The mean of AP@R over queries is MAP@R. Only the max(R, RECALL_DEPTH)
// nearest are ranked (./select.ts), never the whole gallery. Ties in distance
// rank the lower gallery index first.
// see: Musgrave, Belongie & Lim, "A Metric Learning Reality Check" (ECCV 2020), MAP@R and R-precision.
import { distanceMatrix, distanceScratchBytes } from '../distances/index';
import { loadI32, rowAt, storeF64 } from '../memory';
import { RECALL_DEPTH } from './depth';
import { selectNearest } from './select';

/** Query rows whose distances to the whole gallery are computed at once: a block of 64 × n floats stays in cache. */
const QUERY_BLOCK: i32 = 64;

@inline function align16(bytes: usize): usize {
  return (bytes + 15) & ~(<usize>15);
}

@inline function storeI32(ptr: usize, index: i32, value: i32): void {
  store<i32>(ptr + (<usize>index << 2), value);
}

/** Bytes of scratch retrieval needs for n rows: one block of distances, the metric's scratch and the selection. */
export function retrievalScratchBytes(n: i32): usize {
  const block = min(QUERY_BLOCK, n);
  return align16((<usize>block * <usize>n) << 2) + align16(distanceScratchBytes(block, n)) + ((<usize>n) << 3);
}

/**
 * Query `i` against its distance row: writes its R, R-precision, AP@R, first
 * hit and nearest row. A query whose class has no other row (R = 0) gets NaN
 * precisions and first hit 0, but still its nearest row.
 */
function rankQuery(row: usize, n: i32, i: i32, labels: usize, counts: usize, heapDistances: usize, heapIndices: usize, relevant: usize, rPrecision: usize, apAtR: usize, firstHit: usize, nearest: usize): void {
  const label = loadI32(labels, i);
  const r = loadI32(counts, label) - 1;
  const k = min(r == 0 ? 1 : max(r, RECALL_DEPTH), n - 1);
  selectNearest(row, n, i, k, heapDistances, heapIndices);
  storeI32(relevant, i, r);
  storeI32(nearest, i, k > 0 ? loadI32(heapIndices, 0) : -1);
  let hits = 0;
  let first = 0;
  let precisions: f64 = 0;
  if (r > 0) {
    for (let rank = 0; rank < k; rank++) {
      if (loadI32(labels, loadI32(heapIndices, rank)) != label) continue;
      if (first == 0) first = rank + 1;
      if (rank >= r) break;
      hits++;
      precisions += <f64>hits / <f64>(rank + 1);
    }
  }
  storeI32(firstHit, i, first);
  storeF64(rPrecision, i, r > 0 ? <f64>hits / <f64>r : NaN);
  storeF64(apAtR, i, r > 0 ? precisions / <f64>r : NaN);
}

/**
 * Every row of `emb` (n × dim) as a query against the others, under `metric`
 * (the ids of ../distances/ids.ts; the query is the anchor of asymmetric
 * metrics). labels: n class ids; counts: the rows per class. Per query:
 * relevant (i32, R), rPrecision and apAtR (f64), firstHit (i32; 0 when no row
 * of the class is among the max(R, RECALL_DEPTH) nearest), nearest (i32; −1
 * when n = 1). scratch: retrievalScratchBytes(n).
 */
export function retrieval(metric: i32, emb: usize, labels: usize, n: i32, dim: i32, counts: usize, relevant: usize, rPrecision: usize, apAtR: usize, firstHit: usize, nearest: usize, scratch: usize): void {
  const block = min(QUERY_BLOCK, n);
  const distances = scratch;
  const distanceScratch = distances + align16((<usize>block * <usize>n) << 2);
  const heapDistances = distanceScratch + align16(distanceScratchBytes(block, n));
  const heapIndices = heapDistances + (<usize>n << 2);
  for (let start = 0; start < n; start += block) {
    const rows = min(block, n - start);
    distanceMatrix(metric, rowAt(emb, start, dim), rows, emb, n, dim, distances, distanceScratch);
    for (let offset = 0; offset < rows; offset++) {
      const row = rowAt(distances, offset, n);
      rankQuery(row, n, start + offset, labels, counts, heapDistances, heapIndices, relevant, rPrecision, apAtR, firstHit, nearest);
    }
  }
}
