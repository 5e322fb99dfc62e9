import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { isNormalization, NORMALIZATIONS, type Normalization } from './normalizations.ts';

export { NORMALIZATIONS, type Normalization } from './normalizations.ts';

/** assembly/normalize.ts */
export interface NormalizeExports extends BaseExports {
  l2NormalizeRows(ptr: number, rows: number, dim: number): void;
  meanRows(ptr: number, rows: number, dim: number, out: number): void;
  centerRows(ptr: number, rows: number, dim: number, mean: number): void;
}

export function checkNormalization(mode: string): asserts mode is Normalization {
  if (!isNormalization(mode)) {
    throw new KernelInputError(`Unknown normalisation "${mode}"; use one of ${NORMALIZATIONS.join(', ')}.`);
  }
}

export class NormalizeKernels extends KernelModule<NormalizeExports> {
  /** Returns a normalised copy: rows scaled to unit length, or centred on `mean` (default: their own mean) first. */
  normalize(m: Matrix, mode: Normalization, mean?: Float32Array): Matrix {
    checkNormalization(mode);
    this.arena.reset();
    const ptr = this.upload('The matrix', m);
    const meanPtr = mode === 'cl2n' ? this.meanAt(ptr, m, mean) : 0;
    this.normalizeAt(ptr, m.rows, m.cols, mode, meanPtr);
    return this.matrixAt(ptr, m.rows, m.cols);
  }

  /** Column means. */
  mean(m: Matrix): Float32Array {
    this.arena.reset();
    const ptr = this.upload('The matrix', m);
    return this.arena.f32(this.meanAt(ptr, m), m.cols).slice();
  }

  /** Address of the mean to centre on: `mean` uploaded when given, else the column means of the rows at `ptr`. */
  meanAt(ptr: number, m: Matrix, mean?: Float32Array): number {
    if (mean) {
      if (mean.length !== m.cols) {
        throw new KernelInputError(`The mean has ${mean.length} values but the rows have ${m.cols}.`);
      }
      return this.upload('The mean', { data: mean, rows: 1, cols: m.cols });
    }
    const out = this.arena.alloc(m.cols * 4);
    this.wasm.meanRows(ptr, m.rows, m.cols, out);
    return out;
  }

  /** Normalises rows in place; `meanPtr` is read only for 'cl2n'. */
  normalizeAt(ptr: number, rows: number, dim: number, mode: Normalization, meanPtr: number): void {
    if (mode === 'none') return;
    if (mode === 'cl2n') this.wasm.centerRows(ptr, rows, dim, meanPtr);
    this.wasm.l2NormalizeRows(ptr, rows, dim);
  }
}
