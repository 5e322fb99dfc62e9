// Signal-to-noise-ratio distance of "Signal-To-Noise Ratio: A Robust Distance
// Metric for Deep Metric Learning" (CVPR 2019): with the query as anchor a and
// the prototype as b = a + n, d = var(b − a) / var(a), variances over the
// embedding's dimensions. It is not symmetric.
// see: the survey's note "the SNR is the ratio of the feature variance and the noise variance"
import { loadF64, storeF64 } from '../memory';

/** A constant anchor has zero variance; dividing by this floor keeps the distance finite. */
const MIN_VARIANCE: f64 = 1e-12;

/** Per-row values: a = mean of squares, b = mean. */
@inline export function prepare(a: usize, b: usize, rows: i32, dim: i32): void {
  const inverse = 1 / <f64>dim;
  for (let i = 0; i < rows; i++) {
    storeF64(a, i, loadF64(a, i) * inverse);
    storeF64(b, i, loadF64(b, i) * inverse);
  }
}

@inline export function combine(dot: f64, qa: f64, qb: f64, pa: f64, pb: f64, dim: i32): f64 {
  const meanDifference = pb - qb;
  const noiseVariance = max(qa + pa - (2 * dot) / <f64>dim - meanDifference * meanDifference, 0);
  const signalVariance = max(qa - qb * qb, MIN_VARIANCE);
  return noiseVariance / signalVariance;
}
