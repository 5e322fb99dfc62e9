// Per-row statistics that the distances combine with inner products.
import { dot } from './dot';
import { loadF32, rowAt, storeF64 } from './memory';

/** For each row: its squared L2 norm (SIMD float32 sum, stored as f64). */
export function rowSquaredNorms(ptr: usize, rows: i32, dim: i32, out: usize): void {
  for (let i = 0; i < rows; i++) {
    const row = rowAt(ptr, i, dim);
    storeF64(out, i, <f64>dot(row, row, dim));
  }
}

/** For each row: its squared L2 norm summed in f64, for metrics that are sensitive to its last digits. */
export function rowSquaredNormsPrecise(ptr: usize, rows: i32, dim: i32, out: usize): void {
  for (let i = 0; i < rows; i++) {
    const row = rowAt(ptr, i, dim);
    let sum: f64 = 0;
    for (let k = 0; k < dim; k++) {
      const x = <f64>loadF32(row, k);
      sum += x * x;
    }
    storeF64(out, i, sum);
  }
}

/** For each row: its mean and its variance (over the row's values), two-pass in f64. */
export function rowMoments(ptr: usize, rows: i32, dim: i32, means: usize, variances: usize): void {
  for (let i = 0; i < rows; i++) {
    const row = rowAt(ptr, i, dim);
    let sum: f64 = 0;
    for (let k = 0; k < dim; k++) sum += <f64>loadF32(row, k);
    const mean = sum / <f64>dim;
    let squares: f64 = 0;
    for (let k = 0; k < dim; k++) {
      const centred = <f64>loadF32(row, k) - mean;
      squares += centred * centred;
    }
    storeF64(means, i, mean);
    storeF64(variances, i, squares / <f64>dim);
  }
}
