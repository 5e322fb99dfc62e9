// Every distance has one signature: distanceMatrix(q, nq, p, np, dim, out,
// scratch) for all pairs, distanceRows(a, b, n, dim, out, scratch) row by row.
// Metrics that are exact enough from inner products (Euclidean, cosine) share
// the blocked SIMD product: per-row statistics (squared norm and sum) become
// two metric-specific values in `prepare`, and `combine` makes a distance from
// them and the pair's inner product. Metrics that would lose precision that way
// (SNR, Poincaré) export their own `matrix` and `rows` loops. Adding a metric
// means adding a file of either kind and a case below.
import { dot, dotMatrix } from '../dot';
import { loadF32, loadF64, rowAt, storeF32 } from '../memory';
import { rowStats } from '../rows';
import * as squaredEuclidean from './squaredEuclidean';
import * as cosine from './cosine';
import * as snr from './snr';
import * as poincare from './poincare';

export const SQUARED_EUCLIDEAN: i32 = 0;
export const COSINE: i32 = 1;
export const SNR: i32 = 2;
export const POINCARE: i32 = 3;

@inline function prepareRows(metric: i32, a: usize, b: usize, rows: i32, dim: i32): void {
  if (metric == SQUARED_EUCLIDEAN) squaredEuclidean.prepare(a, b, rows, dim);
  else cosine.prepare(a, b, rows, dim);
}

@inline function combine(metric: i32, dotValue: f64, qa: f64, qb: f64, pa: f64, pb: f64, dim: i32): f64 {
  if (metric == SQUARED_EUCLIDEAN) return squaredEuclidean.combine(dotValue, qa, qb, pa, pb, dim);
  return cosine.combine(dotValue, qa, qb, pa, pb, dim);
}

/** Bytes of scratch that distanceMatrix and distanceRows need. */
export function distanceScratchBytes(nq: i32, np: i32): usize {
  return (<usize>(nq + np) * 2) << 3;
}

// Inlined once per metric with a constant `metric`, so the branches in prepare
// and combine fold away and each metric gets its own tight loop.
@inline function finishMatrix(metric: i32, nq: i32, np: i32, dim: i32, out: usize, qa: usize, qb: usize, pa: usize, pb: usize): void {
  prepareRows(metric, qa, qb, nq, dim);
  prepareRows(metric, pa, pb, np, dim);
  for (let i = 0; i < nq; i++) {
    const row = rowAt(out, i, np);
    const qai = loadF64(qa, i);
    const qbi = loadF64(qb, i);
    for (let j = 0; j < np; j++) {
      storeF32(row, j, <f32>combine(metric, <f64>loadF32(row, j), qai, qbi, loadF64(pa, j), loadF64(pb, j), dim));
    }
  }
}

/** out[i·np + j] = d(q_i, p_j) for the metric's id. */
export function distanceMatrix(metric: i32, q: usize, nq: i32, p: usize, np: i32, dim: i32, out: usize, scratch: usize): void {
  if (metric == SNR) return snr.matrix(q, nq, p, np, dim, out, scratch);
  if (metric == POINCARE) return poincare.matrix(q, nq, p, np, dim, out, scratch);
  const qa = scratch;
  const qb = qa + (<usize>nq << 3);
  const pa = qb + (<usize>nq << 3);
  const pb = pa + (<usize>np << 3);
  rowStats(q, nq, dim, qa, qb);
  rowStats(p, np, dim, pa, pb);
  dotMatrix(q, nq, p, np, dim, out);
  if (metric == SQUARED_EUCLIDEAN) finishMatrix(SQUARED_EUCLIDEAN, nq, np, dim, out, qa, qb, pa, pb);
  else finishMatrix(COSINE, nq, np, dim, out, qa, qb, pa, pb);
}

/** out[i] = d(a_i, b_i): row-by-row distances of two matrices with the same shape. */
export function distanceRows(metric: i32, a: usize, b: usize, rows: i32, dim: i32, out: usize, scratch: usize): void {
  if (metric == SNR) return snr.rows(a, b, rows, dim, out, scratch);
  if (metric == POINCARE) return poincare.rows(a, b, rows, dim, out, scratch);
  const aa = scratch;
  const ab = aa + (<usize>rows << 3);
  const ba = ab + (<usize>rows << 3);
  const bb = ba + (<usize>rows << 3);
  rowStats(a, rows, dim, aa, ab);
  rowStats(b, rows, dim, ba, bb);
  prepareRows(metric, aa, ab, rows, dim);
  prepareRows(metric, ba, bb, rows, dim);
  for (let i = 0; i < rows; i++) {
    const value = dot(rowAt(a, i, dim), rowAt(b, i, dim), dim);
    storeF32(out, i, <f32>combine(metric, <f64>value, loadF64(aa, i), loadF64(ab, i), loadF64(ba, i), loadF64(bb, i), dim));
  }
}
