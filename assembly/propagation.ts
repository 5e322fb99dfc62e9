// Label propagation on a k-nearest-neighbour graph, the iteration of Zhou et
// al., "Learning with Local and Global Consistency" (NIPS 2004), which the
// CVPR 2019 "Label Propagation for Deep Semi-supervised Learning" applies to a
// network's embeddings:
//   a_ij = exp(−‖x_i − x_j‖² / σ²) if j is among i's k nearest, W = A + Aᵀ,
//   S = D^(−1/2) W D^(−1/2),  F ← α S F + (1 − α) Y, starting from F = Y.
// Distances and the iteration run in f64, so that neighbour ties are broken
// the same way as in the f64 reference (the lower index first).
import { loadF32, loadF64, loadI32, rowAt, storeF32, storeF64 } from './memory';

/** Bytes of scratch labelPropagation needs: W (n × n), degrees (n), F and its next value (n × classes each), all f64. */
export function labelPropagationScratchBytes(n: i32, classes: i32): usize {
  return (<usize>n * <usize>n + <usize>n + 2 * <usize>n * <usize>classes) << 3;
}

@inline function squaredDistance(points: usize, i: i32, j: i32, dim: i32): f64 {
  const a = rowAt(points, i, dim);
  const b = rowAt(points, j, dim);
  let s: f64 = 0;
  for (let k = 0; k < dim; k++) {
    const d = <f64>loadF32(a, k) - <f64>loadF32(b, k);
    s += d * d;
  }
  return s;
}

/**
 * neighbours[i] (k indices) gets i's k nearest other points, nearest first;
 * ties go to the lower index. Squared distances of finite float32 values are
 * finite in f64, so Infinity marks only i itself and the neighbours taken.
 */
function nearestNeighbours(points: usize, n: i32, dim: i32, k: i32, neighbours: usize, distances: usize): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) storeF64(distances, j, j === i ? Infinity : squaredDistance(points, i, j, dim));
    const out = rowAt(neighbours, i, k);
    for (let r = 0; r < k; r++) {
      let best = -1;
      let bestDistance: f64 = Infinity;
      for (let j = 0; j < n; j++) {
        const d = loadF64(distances, j);
        if (d < bestDistance) {
          best = j;
          bestDistance = d;
        }
      }
      store<i32>(out + (<usize>r << 2), best);
      storeF64(distances, best, Infinity);
    }
  }
}

/**
 * points: n × dim; labels: n (class, or −1 for unlabelled); k in [1, n − 1].
 * out (n × classes f32) gets F after `iterations` steps; neighbours (n × k i32)
 * the graph's edges. scratch: labelPropagationScratchBytes(n, classes).
 */
export function labelPropagation(points: usize, labels: usize, n: i32, dim: i32, classes: i32, k: i32, sigma: f64, alpha: f64, iterations: i32, out: usize, neighbours: usize, scratch: usize): void {
  const w = scratch;
  const degrees = w + ((<usize>n * <usize>n) << 3);
  let f = degrees + (<usize>n << 3);
  let next = f + ((<usize>n * <usize>classes) << 3);
  // The degree buffer doubles as the distance row while neighbours are found.
  nearestNeighbours(points, n, dim, k, neighbours, degrees);
  memory.fill(w, 0, (<usize>n * <usize>n) << 3);
  const inverseSigma2 = 1 / (sigma * sigma);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      const j = loadI32(rowAt(neighbours, i, k), r);
      const a = Math.exp(-squaredDistance(points, i, j, dim) * inverseSigma2);
      storeF64(w, i * n + j, loadF64(w, i * n + j) + a);
      storeF64(w, j * n + i, loadF64(w, j * n + i) + a);
    }
  }
  // D^(−1/2), with an isolated row (every affinity underflowed to 0) left at 0.
  for (let i = 0; i < n; i++) {
    let d: f64 = 0;
    for (let j = 0; j < n; j++) d += loadF64(w, i * n + j);
    storeF64(degrees, i, d > 0 ? 1 / Math.sqrt(d) : 0);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) storeF64(w, i * n + j, loadF64(w, i * n + j) * loadF64(degrees, i) * loadF64(degrees, j));
  memory.fill(f, 0, (<usize>n * <usize>classes) << 3);
  for (let i = 0; i < n; i++) {
    const c = loadI32(labels, i);
    if (c >= 0) storeF64(f, i * classes + c, 1);
  }
  for (let step = 0; step < iterations; step++) {
    for (let i = 0; i < n; i++) {
      const c = loadI32(labels, i);
      for (let m = 0; m < classes; m++) {
        let s: f64 = 0;
        for (let j = 0; j < n; j++) s += loadF64(w, i * n + j) * loadF64(f, j * classes + m);
        storeF64(next, i * classes + m, alpha * s + (m === c ? 1 - alpha : 0));
      }
    }
    const t = f;
    f = next;
    next = t;
  }
  for (let i = 0; i < n * classes; i++) storeF32(out, i, <f32>loadF64(f, i));
}
