import type { Arena } from './arena.ts';
import type { Matrix } from './matrix.ts';
import { checkMatrix, nonFiniteError } from './validate.ts';

/** Checks a matrix, copies it into WASM memory and rejects NaN or infinity there (one SIMD scan); returns its address. */
export function uploadMatrix(arena: Arena, firstNonFinite: (ptr: number, count: number) => number, name: string, m: Matrix): number {
  checkMatrix(name, m);
  const ptr = arena.putF32(m.data);
  const bad = firstNonFinite(ptr, m.data.length);
  if (bad !== -1) throw nonFiniteError(name, m, bad);
  return ptr;
}
