// A register-only probe of this machine's WASM SIMD arithmetic ceiling, with
// the instruction mix of the distance kernel's inner loop (assembly/dot.ts):
// two "query" and four "prototype" vectors, eight independent accumulators,
// one multiply and one add (or one fused multiply-add) per accumulator per
// round, and no memory traffic. The prototype registers rotate every round so
// no product can be hoisted out of the loop. Built twice: with plain SIMD and
// with relaxed SIMD (f32x4.relaxed_madd).

@inline function madd(acc: v128, a: v128, b: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}

/** Runs `iterations` rounds of 8 multiply-adds on 4 lanes (64 flops per round); returns a value so nothing is optimised away. */
export function peak(iterations: i32, seed: f32): f32 {
  const x0 = f32x4.splat(seed);
  const x1 = f32x4.splat(seed * 2);
  let y0 = f32x4.splat(1), y1 = f32x4.splat(2), y2 = f32x4.splat(3), y3 = f32x4.splat(4);
  let a00 = f32x4.splat(0), a01 = f32x4.splat(0), a02 = f32x4.splat(0), a03 = f32x4.splat(0);
  let a10 = f32x4.splat(0), a11 = f32x4.splat(0), a12 = f32x4.splat(0), a13 = f32x4.splat(0);
  for (let i = 0; i < iterations; i++) {
    a00 = madd(a00, x0, y0); a01 = madd(a01, x0, y1); a02 = madd(a02, x0, y2); a03 = madd(a03, x0, y3);
    a10 = madd(a10, x1, y0); a11 = madd(a11, x1, y1); a12 = madd(a12, x1, y2); a13 = madd(a13, x1, y3);
    const first = y0;
    y0 = y1;
    y1 = y2;
    y2 = y3;
    y3 = first;
  }
  const sum = f32x4.add(f32x4.add(f32x4.add(a00, a01), f32x4.add(a02, a03)), f32x4.add(f32x4.add(a10, a11), f32x4.add(a12, a13)));
  return f32x4.extract_lane(sum, 0);
}

export const FLOPS_PER_ROUND: i32 = 64;
