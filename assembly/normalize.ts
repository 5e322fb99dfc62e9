// Row normalisation: L2, and centring on a mean (with L2 after it, the "CL2N"
// of SimpleShot, Wang et al. 2019, a strong nearest-centroid baseline).
import { dot } from './dot';
import { loadF32, rowAt, storeF32 } from './memory';

/** Scales each row to unit L2 norm, in place. A zero row stays zero. */
export function l2NormalizeRows(ptr: usize, rows: i32, dim: i32): void {
  for (let i = 0; i < rows; i++) {
    const row = rowAt(ptr, i, dim);
    const norm = sqrt<f64>(<f64>dot(row, row, dim));
    if (norm == 0) continue;
    const scale = f32x4.splat(<f32>(1 / norm));
    const dim4 = dim & ~3;
    let k = 0;
    for (; k < dim4; k += 4) {
      const at = row + (<usize>k << 2);
      v128.store(at, f32x4.mul(v128.load(at), scale));
    }
    for (; k < dim; k++) storeF32(row, k, <f32>(<f64>loadF32(row, k) / norm));
  }
}

/** Column means of a matrix into `out` (dim floats). */
export function meanRows(ptr: usize, rows: i32, dim: i32, out: usize): void {
  for (let k = 0; k < dim; k++) {
    let sum: f64 = 0;
    for (let i = 0; i < rows; i++) sum += <f64>loadF32(rowAt(ptr, i, dim), k);
    storeF32(out, k, rows > 0 ? <f32>(sum / <f64>rows) : 0);
  }
}

/** Subtracts `mean` (dim floats) from every row, in place. */
export function centerRows(ptr: usize, rows: i32, dim: i32, mean: usize): void {
  const dim4 = dim & ~3;
  for (let i = 0; i < rows; i++) {
    const row = rowAt(ptr, i, dim);
    let k = 0;
    for (; k < dim4; k += 4) {
      const at = row + (<usize>k << 2);
      v128.store(at, f32x4.sub(v128.load(at), v128.load(mean + (<usize>k << 2))));
    }
    for (; k < dim; k++) storeF32(row, k, loadF32(row, k) - loadF32(mean, k));
  }
}
