// Top-k selection without sorting the whole gallery: a bounded max-heap of the
// k best (distance, index) pairs seen so far, whose root is the worst of them.
// A candidate only has to beat the root, so most of a large gallery costs one
// comparison each: O(n log k) instead of O(n log n).
//
// The order is by distance, then by gallery index ascending: of two rows at
// the same distance the lower index ranks first, so rankings are deterministic.
// see: the heap layout of sortF64 in ../slicedWasserstein.ts (children of i at 2i+1, 2i+2).
import { loadF32, loadI32, storeF32 } from '../memory';

/** Whether (da, ia) ranks after (db, ib): farther, or as far with a higher index. */
@inline function after(da: f32, ia: i32, db: f32, ib: i32): bool {
  return da > db || (da == db && ia > ib);
}

@inline function storeI32(ptr: usize, index: i32, value: i32): void {
  store<i32>(ptr + (<usize>index << 2), value);
}

@inline function swap(distances: usize, indices: usize, a: i32, b: i32): void {
  const d = loadF32(distances, a);
  const i = loadI32(indices, a);
  storeF32(distances, a, loadF32(distances, b));
  storeI32(indices, a, loadI32(indices, b));
  storeF32(distances, b, d);
  storeI32(indices, b, i);
}

function siftDown(distances: usize, indices: usize, start: i32, size: i32): void {
  let root = start;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= size) return;
    if (child + 1 < size && after(loadF32(distances, child + 1), loadI32(indices, child + 1), loadF32(distances, child), loadI32(indices, child))) child++;
    if (!after(loadF32(distances, child), loadI32(indices, child), loadF32(distances, root), loadI32(indices, root))) return;
    swap(distances, indices, root, child);
    root = child;
  }
}

function siftUp(distances: usize, indices: usize, at: i32): void {
  let child = at;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!after(loadF32(distances, child), loadI32(indices, child), loadF32(distances, parent), loadI32(indices, parent))) return;
    swap(distances, indices, parent, child);
    child = parent;
  }
}

/**
 * The k nearest entries of `row` (n distances), leaving out column `skip`, in
 * ranking order: distances[r] and indices[r] for r = 0 … k − 1. A NaN distance
 * ranks as +Infinity, so the order stays total. Needs k ≤ n − 1 (or k ≤ n
 * when `skip` is outside 0 … n − 1).
 */
export function selectNearest(row: usize, n: i32, skip: i32, k: i32, distances: usize, indices: usize): void {
  if (k <= 0) return;
  let size = 0;
  for (let j = 0; j < n; j++) {
    if (j == skip) continue;
    let d = loadF32(row, j);
    if (d != d) d = Infinity;
    if (size < k) {
      storeF32(distances, size, d);
      storeI32(indices, size, j);
      siftUp(distances, indices, size++);
    } else if (d < loadF32(distances, 0)) {
      // j is larger than every index in the heap, so a tie with the root ranks after it and is skipped.
      storeF32(distances, 0, d);
      storeI32(indices, 0, j);
      siftDown(distances, indices, 0, size);
    }
  }
  // Heapsort the k survivors: the worst goes to the end each round.
  for (let end = size - 1; end > 0; end--) {
    swap(distances, indices, 0, end);
    siftDown(distances, indices, 0, end);
  }
}
