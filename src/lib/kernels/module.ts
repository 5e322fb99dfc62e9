import type { Arena } from './arena.ts';
import type { Matrix } from './matrix.ts';
import { uploadMatrix } from './upload.ts';

/** What every wrapper needs from the module: the NaN/infinity scan behind `upload`. */
export interface BaseExports {
  firstNonFinite(ptr: number, count: number): number;
}

/**
 * The base of each wrapper over one assembly module: the module's flat
 * exports, the arena every wrapper shares (one WASM memory), and `upload`.
 * Public methods check their input, reset the arena and copy results out;
 * methods ending in `At` are steps on data already in WASM memory, so that
 * `classify` can chain them without copying in between.
 */
export abstract class KernelModule<E extends BaseExports> {
  protected readonly wasm: E;
  protected readonly arena: Arena;

  constructor(wasm: E, arena: Arena) {
    this.wasm = wasm;
    this.arena = arena;
  }

  /** Checks a matrix, copies it into WASM memory, rejects NaN or infinity (naming row and column); returns its address. */
  upload(name: string, m: Matrix): number {
    return uploadMatrix(this.arena, this.wasm.firstNonFinite, name, m);
  }

  /** A copy of `rows × cols` floats at `ptr`, as a matrix. */
  protected matrixAt(ptr: number, rows: number, cols: number): Matrix {
    return { data: this.arena.f32(ptr, rows * cols).slice(), rows, cols };
  }
}
