// Class prototypes: the (weighted) mean embedding of each class's examples
// (Snell et al., "Prototypical Networks for Few-shot Learning", 2017).
import { loadF32, loadI32, rowAt, storeF32 } from './memory';

/**
 * out[c] = Σ w_i x_i / Σ w_i over the rows i labelled c; mass[c] = Σ w_i.
 * `weights` = 0 means every weight is 1. A class with no mass keeps a zero row
 * (the wrapper rejects empty classes before calling).
 */
export function prototypes(emb: usize, labels: usize, weights: usize, n: i32, dim: i32, classes: i32, out: usize, mass: usize): void {
  memory.fill(out, 0, (<usize>classes * <usize>dim) << 2);
  memory.fill(mass, 0, <usize>classes << 2);
  for (let i = 0; i < n; i++) {
    const c = loadI32(labels, i);
    const w: f32 = weights ? loadF32(weights, i) : 1;
    accumulateRow(rowAt(out, c, dim), rowAt(emb, i, dim), w, dim);
    storeF32(mass, c, loadF32(mass, c) + w);
  }
  for (let c = 0; c < classes; c++) {
    const m = loadF32(mass, c);
    if (m > 0) scaleRow(rowAt(out, c, dim), <f32>1 / m, dim);
  }
}

/** target += w · source */
export function accumulateRow(target: usize, source: usize, w: f32, dim: i32): void {
  const weight = f32x4.splat(w);
  const dim4 = dim & ~3;
  let k = 0;
  for (; k < dim4; k += 4) {
    const offset = <usize>k << 2;
    v128.store(target + offset, f32x4.add(v128.load(target + offset), f32x4.mul(v128.load(source + offset), weight)));
  }
  for (; k < dim; k++) storeF32(target, k, loadF32(target, k) + w * loadF32(source, k));
}

/** row *= s */
export function scaleRow(row: usize, s: f32, dim: i32): void {
  for (let k = 0; k < dim; k++) storeF32(row, k, loadF32(row, k) * s);
}
