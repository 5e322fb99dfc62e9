// Open-set decisions: the distance to the nearest prototype, and the
// leave-one-out prototypes that calibrate how far a member of a class may lie.
import { loadF32, loadI32, rowAt, storeF32 } from './memory';
import { accumulateRow, scaleRow } from './prototypes';

/** For each row of a distance matrix: the column of its minimum and that minimum. */
export function nearest(d: usize, rows: i32, cols: i32, outIndex: usize, outDistance: usize): void {
  for (let i = 0; i < rows; i++) {
    const row = rowAt(d, i, cols);
    let best = 0;
    let bestValue = loadF32(row, 0);
    for (let j = 1; j < cols; j++) {
      const value = loadF32(row, j);
      if (value < bestValue) {
        bestValue = value;
        best = j;
      }
    }
    store<i32>(outIndex + (<usize>i << 2), best);
    storeF32(outDistance, i, bestValue);
  }
}

/**
 * out[i] = the mean of the other examples of x_i's class (its prototype
 * without x_i), for classes with counts m_c. Summed directly, not as
 * (m_c p_c − x_i)/(m_c − 1): that subtraction cancels when x_i dominates its
 * class, and cosine distance would then see the rounding error's direction.
 * Rows of classes with a single example are filled with NaN; callers skip them.
 */
export function leaveOneOutPrototypes(emb: usize, labels: usize, n: i32, dim: i32, counts: usize, out: usize): void {
  for (let i = 0; i < n; i++) {
    const c = loadI32(labels, i);
    const m = loadF32(counts, c);
    const target = rowAt(out, i, dim);
    if (m < 2) {
      for (let k = 0; k < dim; k++) storeF32(target, k, NaN);
      continue;
    }
    memory.fill(target, 0, <usize>dim << 2);
    for (let j = 0; j < n; j++) {
      if (j != i && loadI32(labels, j) == c) accumulateRow(target, rowAt(emb, j, dim), 1, dim);
    }
    scaleRow(target, <f32>1 / (m - 1), dim);
  }
}
