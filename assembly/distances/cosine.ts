// Cosine distance 1 − q·p / (‖q‖ ‖p‖), in [0, 2]. A zero vector has no direction:
// its distance to anything is 1, as if orthogonal.
import { loadF64, storeF64 } from '../memory';

/** Per-row values: a = ‖x‖, b unused. */
@inline export function prepare(a: usize, b: usize, rows: i32, dim: i32): void {
  for (let i = 0; i < rows; i++) storeF64(a, i, sqrt<f64>(loadF64(a, i)));
}

@inline export function combine(dot: f64, qa: f64, qb: f64, pa: f64, pb: f64, dim: i32): f64 {
  const scale = qa * pa;
  if (scale == 0) return 1;
  return 1 - min(max(dot / scale, -1), 1);
}
