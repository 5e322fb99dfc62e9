// Distance in the Poincaré ball (curvature −1):
//   d(u, v) = arcosh(1 + 2‖u − v‖² / ((1 − ‖u‖²)(1 − ‖v‖²))).
// Embeddings come from a Euclidean network, so each row x is first mapped into
// the ball by the exponential map at the origin, u = tanh(‖x‖) x / ‖x‖, and its
// norm is clamped to POINCARE_MAX_NORM (ids.ts): in float arithmetic tanh reaches 1 for ‖x‖ ≳ 9,
// which would divide by zero. Inputs of any norm therefore give finite distances.
//
// Unlike the other metrics, ‖u − v‖² is summed directly rather than expanded
// as ‖u‖² + ‖v‖² − 2u·v: near the edge of the ball 1 − ‖u‖² is tiny and
// magnifies the expansion's cancellation error into large distance errors.
// see: Nickel & Kiela, "Poincaré Embeddings for Learning Hierarchical Representations" (2017);
//      Ganea et al., "Hyperbolic Neural Networks" (2018), exponential map at 0.
import { loadF32, loadF64, rowAt, storeF32, storeF64 } from '../memory';
import { rowSquaredNormsPrecise } from '../rows';
import { POINCARE_MAX_NORM } from './ids';

/** Per-row values from a = ‖x‖²: a becomes ‖u‖² of the mapped row, b the factor with u = b·x. */
function prepare(a: usize, b: usize, rows: i32): void {
  for (let i = 0; i < rows; i++) {
    const norm = sqrt<f64>(loadF64(a, i));
    const mappedNorm = min(Math.tanh(norm), POINCARE_MAX_NORM);
    storeF64(a, i, mappedNorm * mappedNorm);
    storeF64(b, i, norm > 0 ? mappedNorm / norm : 1);
  }
}

/**
 * ‖sx·x − sy·y‖², in f64: near the edge of the ball the mapped coordinates
 * are within float32 rounding of each other, and the distance divides their
 * gap by (1 − ‖u‖²), so float32 would lose most of its digits.
 */
@inline function scaledGap(x: usize, sx: f64, y: usize, sy: f64, dim: i32): f64 {
  const scaleX = f64x2.splat(sx);
  const scaleY = f64x2.splat(sy);
  const dim4 = dim & ~3;
  let acc = f64x2.splat(0);
  let k = 0;
  for (; k < dim4; k += 4) {
    const offset = <usize>k << 2;
    const xs = v128.load(x + offset);
    const ys = v128.load(y + offset);
    // lanes 0–1, then 2–3, widened to f64
    const low = f64x2.sub(f64x2.mul(f64x2.promote_low_f32x4(xs), scaleX), f64x2.mul(f64x2.promote_low_f32x4(ys), scaleY));
    const high = f64x2.sub(
      f64x2.mul(f64x2.promote_low_f32x4(v128.swizzle(xs, i8x16(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7))), scaleX),
      f64x2.mul(f64x2.promote_low_f32x4(v128.swizzle(ys, i8x16(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7))), scaleY),
    );
    acc = f64x2.add(acc, f64x2.add(f64x2.mul(low, low), f64x2.mul(high, high)));
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < dim; k++) {
    const gap = <f64>loadF32(x, k) * sx - <f64>loadF32(y, k) * sy;
    sum += gap * gap;
  }
  return sum;
}

@inline function fromGap(gap: f64, ua: f64, va: f64): f64 {
  const x = 1 + (2 * gap) / ((1 - ua) * (1 - va));
  // arcosh(x) = ln(x + sqrt(x² − 1)), x ≥ 1
  return Math.log(x + sqrt<f64>(x * x - 1));
}

/** Same contract as distanceMatrix in ./index. */
export function matrix(q: usize, nq: i32, p: usize, np: i32, dim: i32, out: usize, scratch: usize): void {
  const qa = scratch;
  const qb = qa + (<usize>nq << 3);
  const pa = qb + (<usize>nq << 3);
  const pb = pa + (<usize>np << 3);
  rowSquaredNormsPrecise(q, nq, dim, qa);
  rowSquaredNormsPrecise(p, np, dim, pa);
  prepare(qa, qb, nq);
  prepare(pa, pb, np);
  for (let i = 0; i < nq; i++) {
    const qi = rowAt(q, i, dim);
    const sq = loadF64(qb, i);
    const ua = loadF64(qa, i);
    const outRow = rowAt(out, i, np);
    for (let j = 0; j < np; j++) {
      const gap = scaledGap(qi, sq, rowAt(p, j, dim), loadF64(pb, j), dim);
      storeF32(outRow, j, <f32>fromGap(gap, ua, loadF64(pa, j)));
    }
  }
}

/** Same contract as distanceRows in ./index. */
export function rows(a: usize, b: usize, n: i32, dim: i32, out: usize, scratch: usize): void {
  const aa = scratch;
  const ab = aa + (<usize>n << 3);
  const ba = ab + (<usize>n << 3);
  const bb = ba + (<usize>n << 3);
  rowSquaredNormsPrecise(a, n, dim, aa);
  rowSquaredNormsPrecise(b, n, dim, ba);
  prepare(aa, ab, n);
  prepare(ba, bb, n);
  for (let i = 0; i < n; i++) {
    const gap = scaledGap(rowAt(a, i, dim), loadF64(ab, i), rowAt(b, i, dim), loadF64(bb, i), dim);
    storeF32(out, i, <f32>fromGap(gap, loadF64(aa, i), loadF64(ba, i)));
  }
}
