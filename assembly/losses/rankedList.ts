// Ranked List Loss of one query (Wang et al., "Ranked List Loss for Deep
// Metric Learning", CVPR 2019). Negatives should lie beyond the boundary α and
// positives within α − m, so the two lists are m apart:
//   L_m(d) = [d − (α − m)]₊ for a positive,  [α − d]₊ for a negative.
// Pairs already beyond their boundary are trivial and drop out. The
// non-trivial positives P* count equally, L_P = (1/|P*|) Σ L_m; the
// non-trivial negatives N* are weighted by w = exp(T (α − d)), normalised over
// N*: L_N = Σ (w / Σw) L_m, so the nearer a negative, the more it counts.
// The query's loss here is L_P + L_N, the two parts simply added.
import { loadF32, loadI32, storeF32, storeF64 } from '../memory';

/**
 * distances (n f32), relevant (n i32: 1 positive, 0 negative). weights (n f32)
 * gets each item's weight in the loss: 1/|P*| for a non-trivial positive,
 * w/Σw for a non-trivial negative, 0 for a trivial one. parts (2 f64) gets
 * L_P and L_N. Returns L_P + L_N.
 */
export function rankedListLoss(distances: usize, relevant: usize, n: i32, alpha: f64, margin: f64, temperature: f64, weights: usize, parts: usize): f64 {
  const positiveBoundary = alpha - margin;
  let hardPositives: i32 = 0;
  // The largest exponent among the non-trivial negatives: subtracted before exp, so no weight overflows.
  let top: f64 = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = <f64>loadF32(distances, i);
    if (loadI32(relevant, i) == 1) {
      if (d > positiveBoundary) hardPositives++;
    } else if (d < alpha) {
      top = Math.max(top, temperature * (alpha - d));
    }
  }
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const d = <f64>loadF32(distances, i);
    if (loadI32(relevant, i) != 1 && d < alpha) total += Math.exp(temperature * (alpha - d) - top);
  }
  let lossP: f64 = 0;
  let lossN: f64 = 0;
  for (let i = 0; i < n; i++) {
    const d = <f64>loadF32(distances, i);
    let w: f64 = 0;
    if (loadI32(relevant, i) == 1) {
      if (d > positiveBoundary) {
        w = 1 / <f64>hardPositives;
        lossP += w * (d - positiveBoundary);
      }
    } else if (d < alpha) {
      w = Math.exp(temperature * (alpha - d) - top) / total;
      lossN += w * (alpha - d);
    }
    storeF32(weights, i, <f32>w);
  }
  storeF64(parts, 0, lossP);
  storeF64(parts, 1, lossN);
  return lossP + lossN;
}
