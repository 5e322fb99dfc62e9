// Class probabilities from distances: p_ij = softmax_j(−d_ij / T), computed
// with the log-sum-exp shift so that large distances never overflow.
import { loadF32, rowAt, storeF32 } from './memory';

export function softmaxNegatives(d: usize, rows: i32, cols: i32, temperature: f32, out: usize): void {
  const inverseT = 1 / <f64>temperature;
  for (let i = 0; i < rows; i++) {
    const dRow = rowAt(d, i, cols);
    const outRow = rowAt(out, i, cols);
    let best = Infinity;
    for (let j = 0; j < cols; j++) best = min(best, <f64>loadF32(dRow, j));
    let total: f64 = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp((best - <f64>loadF32(dRow, j)) * inverseT);
      storeF32(outRow, j, <f32>e);
      total += e;
    }
    const inverseTotal = 1 / total;
    for (let j = 0; j < cols; j++) storeF32(outRow, j, <f32>(<f64>loadF32(outRow, j) * inverseTotal));
  }
}
