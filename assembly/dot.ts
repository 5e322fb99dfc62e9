// Inner products with 128-bit SIMD. The matrix form works on 2×4 tiles of
// (query, prototype) rows with eight independent accumulators, so each query
// load is reused four times, each prototype load twice, and the adds of one
// tile never wait on each other.
import { loadF32, rowAt, storeF32 } from './memory';

@inline function madd(acc: v128, a: v128, b: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}

@inline function sumLanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** a · b over `dim` floats. */
export function dot(a: usize, b: usize, dim: i32): f32 {
  const dim4 = dim & ~3;
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  let k = 0;
  for (; k + 8 <= dim4; k += 8) {
    const offset = <usize>k << 2;
    acc0 = madd(acc0, v128.load(a + offset), v128.load(b + offset));
    acc1 = madd(acc1, v128.load(a + offset, 16), v128.load(b + offset, 16));
  }
  for (; k < dim4; k += 4) {
    const offset = <usize>k << 2;
    acc0 = madd(acc0, v128.load(a + offset), v128.load(b + offset));
  }
  let sum = sumLanes(f32x4.add(acc0, acc1));
  for (; k < dim; k++) sum += loadF32(a, k) * loadF32(b, k);
  return sum;
}

/** Two query rows against four prototype rows; writes the 2×4 block of `out` (row stride `np`). */
@inline function tile2x4(q0: usize, p0: usize, dim: i32, out: usize, np: i32): void {
  const stride = <usize>dim << 2;
  const q1 = q0 + stride;
  const p1 = p0 + stride;
  const p2 = p1 + stride;
  const p3 = p2 + stride;
  let a00 = f32x4.splat(0), a01 = f32x4.splat(0), a02 = f32x4.splat(0), a03 = f32x4.splat(0);
  let a10 = f32x4.splat(0), a11 = f32x4.splat(0), a12 = f32x4.splat(0), a13 = f32x4.splat(0);
  const dim4 = dim & ~3;
  for (let k = 0; k < dim4; k += 4) {
    const offset = <usize>k << 2;
    const x0 = v128.load(q0 + offset);
    const x1 = v128.load(q1 + offset);
    const y0 = v128.load(p0 + offset);
    const y1 = v128.load(p1 + offset);
    const y2 = v128.load(p2 + offset);
    const y3 = v128.load(p3 + offset);
    a00 = madd(a00, x0, y0);
    a01 = madd(a01, x0, y1);
    a02 = madd(a02, x0, y2);
    a03 = madd(a03, x0, y3);
    a10 = madd(a10, x1, y0);
    a11 = madd(a11, x1, y1);
    a12 = madd(a12, x1, y2);
    a13 = madd(a13, x1, y3);
  }
  let s00 = sumLanes(a00), s01 = sumLanes(a01), s02 = sumLanes(a02), s03 = sumLanes(a03);
  let s10 = sumLanes(a10), s11 = sumLanes(a11), s12 = sumLanes(a12), s13 = sumLanes(a13);
  for (let k = dim4; k < dim; k++) {
    const x0 = loadF32(q0, k);
    const x1 = loadF32(q1, k);
    const y0 = loadF32(p0, k);
    const y1 = loadF32(p1, k);
    const y2 = loadF32(p2, k);
    const y3 = loadF32(p3, k);
    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
  }
  storeF32(out, 0, s00); storeF32(out, 1, s01); storeF32(out, 2, s02); storeF32(out, 3, s03);
  storeF32(out, np, s10); storeF32(out, np + 1, s11); storeF32(out, np + 2, s12); storeF32(out, np + 3, s13);
}

/** out[i·np + j] = q_i · p_j for every query row i and prototype row j. */
export function dotMatrix(q: usize, nq: i32, p: usize, np: i32, dim: i32, out: usize): void {
  let i = 0;
  for (; i + 2 <= nq; i += 2) {
    const q0 = rowAt(q, i, dim);
    const outRow = rowAt(out, i, np);
    let j = 0;
    for (; j + 4 <= np; j += 4) tile2x4(q0, rowAt(p, j, dim), dim, outRow + (<usize>j << 2), np);
    for (; j < np; j++) {
      const pj = rowAt(p, j, dim);
      storeF32(outRow, j, dot(q0, pj, dim));
      storeF32(outRow, np + j, dot(q0 + (<usize>dim << 2), pj, dim));
    }
  }
  for (; i < nq; i++) {
    const qi = rowAt(q, i, dim);
    const outRow = rowAt(out, i, np);
    for (let j = 0; j < np; j++) storeF32(outRow, j, dot(qi, rowAt(p, j, dim), dim));
  }
}
