// Squared Euclidean distance ‖q − p‖² = ‖q‖² + ‖p‖² − 2 q·p (Prototypical Networks' choice).

/** Per-row values: a = ‖x‖², b unused. */
@inline export function prepare(a: usize, b: usize, rows: i32, dim: i32): void {}

@inline export function combine(dot: f64, qa: f64, qb: f64, pa: f64, pb: f64, dim: i32): f64 {
  // Rounding can push the expansion of a near-zero distance slightly below zero.
  return max(qa + pa - 2 * dot, 0);
}
