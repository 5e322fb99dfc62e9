// Squared Euclidean distance ‖q − p‖² = ‖q‖² + ‖p‖² − 2 q·p (Prototypical Networks' choice).

/** Per-row value: ‖x‖², as given. */
@inline export function prepare(values: usize, rows: i32): void {}

@inline export function combine(dot: f64, q: f64, p: f64): f64 {
  // Rounding can push the expansion of a near-zero distance slightly below zero.
  return max(q + p - 2 * dot, 0);
}
