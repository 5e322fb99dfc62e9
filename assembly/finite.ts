// Input validation inside the module: finding a NaN or ±Infinity costs one
// SIMD pass instead of a scalar loop in JavaScript.
import { loadF32 } from './memory';

/** Index of the first value in `count` floats that is NaN or infinite, or −1 if all are finite. */
export function firstNonFinite(ptr: usize, count: i32): i32 {
  const count4 = count & ~3;
  let i = 0;
  for (; i < count4; i += 4) {
    const x = v128.load(ptr + (<usize>i << 2));
    // x − x is 0 for finite x and NaN for NaN and ±Infinity.
    const difference = f32x4.sub(x, x);
    if (v128.any_true(f32x4.ne(difference, difference))) break;
  }
  for (; i < count; i++) {
    const x = loadF32(ptr, i);
    if (x - x != 0) return i;
  }
  return -1;
}
