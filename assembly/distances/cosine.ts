// Cosine distance 1 − q·p / (‖q‖ ‖p‖), in [0, 2]. A zero vector has no direction:
// its distance to anything is 1, as if orthogonal.
import { loadF64, storeF64 } from '../memory';

/** Per-row value: ‖x‖. */
@inline export function prepare(values: usize, rows: i32): void {
  for (let i = 0; i < rows; i++) storeF64(values, i, sqrt<f64>(loadF64(values, i)));
}

@inline export function combine(dot: f64, q: f64, p: f64): f64 {
  const scale = q * p;
  if (scale == 0) return 1;
  return 1 - min(max(dot / scale, -1), 1);
}
