// Every distance has one signature: distanceMatrix(q, nq, p, np, dim, out,
// scratch) for all pairs, distanceRows(a, b, n, dim, out, scratch) row by row.
// Metrics that are exact enough from inner products (Euclidean, cosine) share
// the blocked SIMD product: each row's squared norm becomes a metric-specific
// value in `prepare`, and `combine` makes a distance from the two rows' values
// and their inner product. Metrics that would lose precision that way
// (SNR, Poincaré) export their own `matrix` and `rows` loops. Adding a metric
// means adding a file of either kind, an id in ids.ts and a case below.
import { dot, dotMatrix } from '../dot';
import { loadF32, loadF64, rowAt, storeF32 } from '../memory';
import { rowSquaredNorms } from '../rows';
import * as squaredEuclidean from './squaredEuclidean';
import * as cosine from './cosine';
import * as snr from './snr';
import * as poincare from './poincare';

import { COSINE, POINCARE, SNR, SQUARED_EUCLIDEAN } from './ids';

@inline function prepareRows(metric: i32, values: usize, rows: i32): void {
  if (metric == SQUARED_EUCLIDEAN) squaredEuclidean.prepare(values, rows);
  else cosine.prepare(values, rows);
}

@inline function combine(metric: i32, dotValue: f64, q: f64, p: f64): f64 {
  if (metric == SQUARED_EUCLIDEAN) return squaredEuclidean.combine(dotValue, q, p);
  return cosine.combine(dotValue, q, p);
}

/** Bytes of scratch that distanceMatrix and distanceRows need. */
export function distanceScratchBytes(nq: i32, np: i32): usize {
  return (<usize>(nq + np) * 2) << 3;
}

/** Query rows whose inner products are turned into distances while still in cache. */
const ROW_BLOCK: i32 = 8;

// Inlined once per metric with a constant `metric`, so the branches in prepare
// and combine fold away and each metric gets its own tight loop.
@inline function blockedMatrix(metric: i32, q: usize, nq: i32, p: usize, np: i32, dim: i32, out: usize, qValues: usize, pValues: usize): void {
  prepareRows(metric, qValues, nq);
  prepareRows(metric, pValues, np);
  for (let start = 0; start < nq; start += ROW_BLOCK) {
    const rows = min(ROW_BLOCK, nq - start);
    dotMatrix(rowAt(q, start, dim), rows, p, np, dim, rowAt(out, start, np));
    for (let i = start; i < start + rows; i++) {
      const row = rowAt(out, i, np);
      const qValue = loadF64(qValues, i);
      for (let j = 0; j < np; j++) storeF32(row, j, <f32>combine(metric, <f64>loadF32(row, j), qValue, loadF64(pValues, j)));
    }
  }
}

/** out[i·np + j] = d(q_i, p_j) for the metric's id. */
export function distanceMatrix(metric: i32, q: usize, nq: i32, p: usize, np: i32, dim: i32, out: usize, scratch: usize): void {
  if (metric == SNR) return snr.matrix(q, nq, p, np, dim, out, scratch);
  if (metric == POINCARE) return poincare.matrix(q, nq, p, np, dim, out, scratch);
  const qValues = scratch;
  const pValues = qValues + (<usize>nq << 3);
  rowSquaredNorms(q, nq, dim, qValues);
  rowSquaredNorms(p, np, dim, pValues);
  if (metric == SQUARED_EUCLIDEAN) blockedMatrix(SQUARED_EUCLIDEAN, q, nq, p, np, dim, out, qValues, pValues);
  else blockedMatrix(COSINE, q, nq, p, np, dim, out, qValues, pValues);
}

/** out[i] = d(a_i, b_i): row-by-row distances of two matrices with the same shape. */
export function distanceRows(metric: i32, a: usize, b: usize, rows: i32, dim: i32, out: usize, scratch: usize): void {
  if (metric == SNR) return snr.rows(a, b, rows, dim, out, scratch);
  if (metric == POINCARE) return poincare.rows(a, b, rows, dim, out, scratch);
  const aValues = scratch;
  const bValues = aValues + (<usize>rows << 3);
  rowSquaredNorms(a, rows, dim, aValues);
  rowSquaredNorms(b, rows, dim, bValues);
  prepareRows(metric, aValues, rows);
  prepareRows(metric, bValues, rows);
  for (let i = 0; i < rows; i++) {
    const value = dot(rowAt(a, i, dim), rowAt(b, i, dim), dim);
    storeF32(out, i, <f32>combine(metric, <f64>value, loadF64(aValues, i), loadF64(bValues, i)));
  }
}
