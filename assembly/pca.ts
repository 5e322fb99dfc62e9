// Two principal components of a small set of rows, by power iteration with
// deflation, for the 2-D embedding maps. The data are never copied: with mean
// μ, (X − μ)v = Xv − (μ·v) and (X − μ)ᵀu = Xᵀu − μ Σu.
import { loadF32, loadF64, rowAt, storeF32, storeF64 } from './memory';

const COMPONENTS = 2;
/** A step that moves no entry of the unit direction by more than this ends the iteration: far below float32 output precision. */
const CONVERGED: f64 = 1e-13;

/** Bytes of scratch pca2 needs: the mean, v, w (dim f64 each), u (n f64) and the found directions (2 × dim f64). */
export function pcaScratchBytes(n: i32, dim: i32): usize {
  return (<usize>(5 * dim + n)) << 3;
}

/**
 * coords (n × 2) gets the projections, components (2 × dim) the unit
 * directions, variances (2 f64) the variance along each. Scratch:
 * pcaScratchBytes(n, dim). Each direction's largest entry is made positive so results are
 * reproducible. When the data have no variance left for the second direction
 * (rank one), any unit vector orthogonal to the first is returned.
 */
export function pca2(ptr: usize, n: i32, dim: i32, iterations: i32, coords: usize, components: usize, variances: usize, scratch: usize): void {
  const mean = scratch;
  const v = mean + (<usize>dim << 3);
  const w = v + (<usize>dim << 3);
  const u = w + (<usize>dim << 3);
  // Directions found so far, kept in f64: orthogonalising against float32 copies leaves rounding along them.
  const found = u + (<usize>n << 3);
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
    orthonormalize(v, found, c, dim);
    let collapsed = false;
    for (let step = 0; step < iterations; step++) {
      multiplyCentered(ptr, n, dim, mean, v, u);
      multiplyCenteredTransposed(ptr, n, dim, mean, u, w);
      const before = length(w, dim);
      // Nothing, or only rounding noise, is left outside the directions found: no variance remains.
      if (orthonormalize(w, found, c, dim) <= 1e-9 * before) {
        collapsed = true;
        break;
      }
      // Converged: another step moves no entry by more than rounding (the lab's map ran all 100 steps, about 20 ms, on every reply).
      const moved = largestChange(v, w, dim);
      memory.copy(v, w, <usize>dim << 3);
      if (moved < CONVERGED) break;
    }
    if (collapsed || orthonormalize(v, found, c, dim) < 0.5) basisVectorOrthogonalTo(v, found, c, dim);
    fixSign(v, dim);
    memory.copy(rowAt64(found, c, dim), v, <usize>dim << 3);
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

@inline function rowAt64(ptr: usize, row: i32, dim: i32): usize {
  return ptr + ((<usize>row * <usize>dim) << 3);
}

/** Removes from w its parts along the first `count` found directions, scales it to unit length; returns its length before scaling (0 leaves w at 0). */
function orthonormalize(w: usize, found: usize, count: i32, dim: i32): f64 {
  for (let c = 0; c < count; c++) {
    const direction = rowAt64(found, c, dim);
    let along: f64 = 0;
    for (let k = 0; k < dim; k++) along += loadF64(w, k) * loadF64(direction, k);
    for (let k = 0; k < dim; k++) storeF64(w, k, loadF64(w, k) - along * loadF64(direction, k));
  }
  let norm: f64 = 0;
  for (let k = 0; k < dim; k++) norm += loadF64(w, k) * loadF64(w, k);
  norm = sqrt<f64>(norm);
  if (norm < 1e-150) {
    for (let k = 0; k < dim; k++) storeF64(w, k, 0);
    return 0;
  }
  for (let k = 0; k < dim; k++) storeF64(w, k, loadF64(w, k) / norm);
  return norm;
}

function largestChange(v: usize, w: usize, dim: i32): f64 {
  let largest: f64 = 0;
  for (let k = 0; k < dim; k++) largest = max<f64>(largest, abs<f64>(loadF64(w, k) - loadF64(v, k)));
  return largest;
}

function length(w: usize, dim: i32): f64 {
  let sum: f64 = 0;
  for (let k = 0; k < dim; k++) sum += loadF64(w, k) * loadF64(w, k);
  return sqrt<f64>(sum);
}

/** v = the standard basis vector least aligned with the found directions, made orthogonal to them. */
function basisVectorOrthogonalTo(v: usize, found: usize, count: i32, dim: i32): void {
  let best = 0;
  let bestWeight = Infinity;
  for (let k = 0; k < dim; k++) {
    let weight: f64 = 0;
    for (let c = 0; c < count; c++) weight += abs(loadF64(rowAt64(found, c, dim), k));
    if (weight < bestWeight) {
      bestWeight = weight;
      best = k;
    }
  }
  for (let k = 0; k < dim; k++) storeF64(v, k, k == best ? 1 : 0);
  orthonormalize(v, found, count, dim);
  orthonormalize(v, found, count, dim);
}

function fixSign(v: usize, dim: i32): void {
  let largest: f64 = 0;
  for (let k = 0; k < dim; k++) if (abs(loadF64(v, k)) > abs(largest)) largest = loadF64(v, k);
  if (largest < 0) for (let k = 0; k < dim; k++) storeF64(v, k, -loadF64(v, k));
}
