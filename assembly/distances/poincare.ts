// Distance in the Poincaré ball (curvature −1):
//   d(u, v) = arcosh(1 + 2‖u − v‖² / ((1 − ‖u‖²)(1 − ‖v‖²))).
// Embeddings come from a Euclidean network, so each row x is first mapped into
// the ball by the exponential map at the origin, u = tanh(‖x‖) x / ‖x‖, and its
// norm is clamped to MAX_NORM: in float arithmetic tanh reaches 1 for ‖x‖ ≳ 9,
// which would divide by zero. Inputs of any norm therefore give finite distances.
// see: Nickel & Kiela, "Poincaré Embeddings for Learning Hierarchical Representations" (2017);
//      Ganea et al., "Hyperbolic Neural Networks" (2018), exponential map at 0.
import { loadF64, storeF64 } from '../memory';

export const MAX_NORM: f64 = 1 - 1e-5;

/** Per-row values: a = ‖u‖² of the mapped row, b = the factor u = b·x. */
@inline export function prepare(a: usize, b: usize, rows: i32, dim: i32): void {
  for (let i = 0; i < rows; i++) {
    const norm = sqrt<f64>(loadF64(a, i));
    const mappedNorm = min(Math.tanh(norm), MAX_NORM);
    storeF64(a, i, mappedNorm * mappedNorm);
    storeF64(b, i, norm > 0 ? mappedNorm / norm : 1);
  }
}

@inline export function combine(dot: f64, qa: f64, qb: f64, pa: f64, pb: f64, dim: i32): f64 {
  const squaredGap = max(qa + pa - 2 * qb * pb * dot, 0);
  const x = 1 + (2 * squaredGap) / ((1 - qa) * (1 - pa));
  // arcosh(x) = ln(x + sqrt(x² − 1)), x ≥ 1
  return Math.log(x + sqrt<f64>(x * x - 1));
}
