// Per-row statistics that the distances combine with inner products.
import { loadF32, rowAt, storeF64 } from './memory';

/** For each row: its squared L2 norm into `norms` and its sum into `sums` (both f64). */
export function rowStats(ptr: usize, rows: i32, dim: i32, norms: usize, sums: usize): void {
  for (let i = 0; i < rows; i++) {
    const row = rowAt(ptr, i, dim);
    // f64 sums: these feed variances, where f32 cancellation would show.
    let norm: f64 = 0;
    let sum: f64 = 0;
    for (let k = 0; k < dim; k++) {
      const x = <f64>loadF32(row, k);
      norm += x * x;
      sum += x;
    }
    storeF64(norms, i, norm);
    storeF64(sums, i, sum);
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
