// Two principal components of a small set of rows, by power iteration with
// deflation, for the 2-D embedding maps. The data are never copied: with mean
// μ, (X − μ)v = Xv − (μ·v) and (X − μ)ᵀu = Xᵀu − μ Σu.
import { loadF32, loadF64, rowAt, storeF32, storeF64 } from './memory';

const COMPONENTS = 2;

/**
 * coords (n × 2) gets the projections, components (2 × dim) the unit
 * directions, variances (2 f64) the variance along each. Scratch: f64 ×
 * (3·dim + n). Each direction's largest entry is made positive so results are
 * reproducible.
 */
export function pca2(ptr: usize, n: i32, dim: i32, iterations: i32, coords: usize, components: usize, variances: usize, scratch: usize): void {
  const mean = scratch;
  const v = mean + (<usize>dim << 3);
  const w = v + (<usize>dim << 3);
  const u = w + (<usize>dim << 3);
  for (let k = 0; k < dim; k++) {
    let sum: f64 = 0;
    for (let i = 0; i < n; i++) sum += <f64>loadF32(rowAt(ptr, i, dim), k);
    storeF64(mean, k, sum / <f64>n);
  }
  for (let c = 0; c < COMPONENTS; c++) {
    // A fixed, irregular start vector: deterministic, and unlikely to be orthogonal to the top direction.
    let seed: u32 = 0x9e3779b9 ^ <u32>c;
    for (let k = 0; k < dim; k++) {
      seed = seed * 1664525 + 1013904223;
      storeF64(v, k, <f64>(seed >> 8) / 16777216.0 - 0.5);
    }
    orthonormalize(v, components, c, dim);
    let lambda: f64 = 0;
    for (let step = 0; step < iterations; step++) {
      multiplyCentered(ptr, n, dim, mean, v, u);
      multiplyCenteredTransposed(ptr, n, dim, mean, u, w);
      lambda = orthonormalize(w, components, c, dim);
      memory.copy(v, w, <usize>dim << 3);
    }
    fixSign(v, dim);
    for (let k = 0; k < dim; k++) storeF32(rowAt(components, c, dim), k, <f32>loadF64(v, k));
    multiplyCentered(ptr, n, dim, mean, v, u);
    let variance: f64 = 0;
    for (let i = 0; i < n; i++) {
      const projection = loadF64(u, i);
      storeF32(coords, i * COMPONENTS + c, <f32>projection);
      variance += projection * projection;
    }
    storeF64(variances, c, n > 1 ? variance / <f64>(n - 1) : 0);
  }
}

/** u = (X − μ) v */
function multiplyCentered(ptr: usize, n: i32, dim: i32, mean: usize, v: usize, u: usize): void {
  let meanDot: f64 = 0;
  for (let k = 0; k < dim; k++) meanDot += loadF64(mean, k) * loadF64(v, k);
  for (let i = 0; i < n; i++) {
    const row = rowAt(ptr, i, dim);
    let sum: f64 = 0;
    for (let k = 0; k < dim; k++) sum += <f64>loadF32(row, k) * loadF64(v, k);
    storeF64(u, i, sum - meanDot);
  }
}

/** w = (X − μ)ᵀ u */
function multiplyCenteredTransposed(ptr: usize, n: i32, dim: i32, mean: usize, u: usize, w: usize): void {
  let uSum: f64 = 0;
  for (let i = 0; i < n; i++) uSum += loadF64(u, i);
  for (let k = 0; k < dim; k++) storeF64(w, k, -loadF64(mean, k) * uSum);
  for (let i = 0; i < n; i++) {
    const row = rowAt(ptr, i, dim);
    const ui = loadF64(u, i);
    for (let k = 0; k < dim; k++) storeF64(w, k, loadF64(w, k) + <f64>loadF32(row, k) * ui);
  }
}

/** Removes from w its parts along the first `found` components, scales it to unit length; returns its length before scaling. */
function orthonormalize(w: usize, components: usize, found: i32, dim: i32): f64 {
  for (let c = 0; c < found; c++) {
    const component = rowAt(components, c, dim);
    let along: f64 = 0;
    for (let k = 0; k < dim; k++) along += loadF64(w, k) * <f64>loadF32(component, k);
    for (let k = 0; k < dim; k++) storeF64(w, k, loadF64(w, k) - along * <f64>loadF32(component, k));
  }
  let norm: f64 = 0;
  for (let k = 0; k < dim; k++) norm += loadF64(w, k) * loadF64(w, k);
  norm = sqrt<f64>(norm);
  if (norm > 0) for (let k = 0; k < dim; k++) storeF64(w, k, loadF64(w, k) / norm);
  return norm;
}

function fixSign(v: usize, dim: i32): void {
  let largest: f64 = 0;
  for (let k = 0; k < dim; k++) if (abs(loadF64(v, k)) > abs(largest)) largest = loadF64(v, k);
  if (largest < 0) for (let k = 0; k < dim; k++) storeF64(v, k, -loadF64(v, k));
}
