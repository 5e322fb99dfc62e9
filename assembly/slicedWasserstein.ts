// Sliced Wasserstein distance between two equally sized point clouds: project
// both onto each direction θ, sort, and match the i-th smallest with the i-th
// smallest (the optimal transport plan in one dimension):
//   SW₂²(A, B) ≈ (1/L) Σ_θ (1/n) Σ_i (sort(Aθ)_i − sort(Bθ)_i)²
// Generalized and tree-sliced variants in the Wasserstein topic build on this.
import { loadF32, loadF64, rowAt, storeF32, storeF64 } from './memory';

@inline function swap(values: usize, i: i32, j: i32): void {
  const t = loadF64(values, i);
  storeF64(values, i, loadF64(values, j));
  storeF64(values, j, t);
}

function siftDown(values: usize, start: i32, end: i32): void {
  let root = start;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= end) return;
    if (child + 1 < end && loadF64(values, child + 1) > loadF64(values, child)) child++;
    if (loadF64(values, root) >= loadF64(values, child)) return;
    swap(values, root, child);
    root = child;
  }
}

/** Heapsort: O(n log n) in place, no allocation. */
export function sortF64(values: usize, n: i32): void {
  for (let start = n / 2 - 1; start >= 0; start--) siftDown(values, start, n);
  for (let end = n - 1; end > 0; end--) {
    swap(values, 0, end);
    siftDown(values, 0, end);
  }
}

function project(points: usize, n: i32, dim: i32, direction: usize, out: usize): void {
  for (let i = 0; i < n; i++) {
    const row = rowAt(points, i, dim);
    let s: f64 = 0;
    for (let k = 0; k < dim; k++) s += <f64>loadF32(row, k) * <f64>loadF32(direction, k);
    storeF64(out, i, s);
  }
}

/** Bytes of scratch slicedWasserstein needs: both clouds' projections on one direction (n f64 each). */
export function slicedWassersteinScratchBytes(n: i32): usize {
  return (<usize>n * 2) << 3;
}

/**
 * a, b: n × dim; directions: count × dim (unit rows). perDirection (count) gets
 * each direction's W₂²; sortedA and sortedB (count × n each) get the sorted
 * projections, for drawing the matching. scratch: slicedWassersteinScratchBytes(n).
 */
export function slicedWasserstein(a: usize, b: usize, n: i32, dim: i32, directions: usize, count: i32, perDirection: usize, sortedA: usize, sortedB: usize, scratch: usize): void {
  const pa = scratch;
  const pb = scratch + (<usize>n << 3);
  for (let d = 0; d < count; d++) {
    const direction = rowAt(directions, d, dim);
    project(a, n, dim, direction, pa);
    project(b, n, dim, direction, pb);
    sortF64(pa, n);
    sortF64(pb, n);
    let total: f64 = 0;
    const outA = rowAt(sortedA, d, n);
    const outB = rowAt(sortedB, d, n);
    for (let i = 0; i < n; i++) {
      const x = loadF64(pa, i);
      const y = loadF64(pb, i);
      total += (x - y) * (x - y);
      storeF32(outA, i, <f32>x);
      storeF32(outB, i, <f32>y);
    }
    storeF32(perDirection, d, <f32>(total / n));
  }
}
