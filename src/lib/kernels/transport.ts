import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkSameWidth } from './validate.ts';

/** assembly/slicedWasserstein.ts */
export interface TransportExports extends BaseExports {
  slicedWasserstein(a: number, b: number, n: number, dim: number, directions: number, count: number, perDirection: number, sortedA: number, sortedB: number, scratch: number): void;
  slicedWassersteinScratchBytes(n: number): number;
}

export interface SlicedWassersteinResult {
  /** √(mean over directions of W₂²): the sliced 2-Wasserstein distance. */
  distance: number;
  /** W₂² of the two projections on each direction. */
  perDirection: Float32Array;
  /** Sorted projections, directions × n: the i-th of A is matched with the i-th of B. */
  sortedA: Matrix;
  sortedB: Matrix;
}

/** Optimal-transport distances between point clouds (the Wasserstein topic). */
export class TransportKernels extends KernelModule<TransportExports> {
  /** Sliced 2-Wasserstein distance between two clouds of the same size, along the given unit directions. */
  slicedWasserstein(a: Matrix, b: Matrix, directions: Matrix): SlicedWassersteinResult {
    if (a.rows !== b.rows) throw new KernelInputError(`Both clouds need the same number of points (uniform weights); got ${a.rows} and ${b.rows}.`);
    this.arena.reset();
    const aPtr = this.upload('The first cloud', a);
    const bPtr = this.upload('The second cloud', b);
    const dPtr = this.upload('The directions', directions);
    checkSameWidth('the clouds', a, 'the directions', directions);
    checkSameWidth('the first cloud', a, 'the second cloud', b);
    for (let d = 0; d < directions.rows; d++) {
      const row = directions.data.subarray(d * directions.cols, (d + 1) * directions.cols);
      const norm = Math.hypot(...row);
      if (Math.abs(norm - 1) > 1e-3) throw new KernelInputError(`Direction ${d} has length ${norm.toFixed(4)}; directions must be unit vectors.`);
    }
    const n = a.rows;
    const count = directions.rows;
    const perDirection = this.arena.alloc(count * 4);
    const sortedA = this.arena.alloc(count * n * 4);
    const sortedB = this.arena.alloc(count * n * 4);
    const scratch = this.arena.alloc(this.wasm.slicedWassersteinScratchBytes(n));
    this.wasm.slicedWasserstein(aPtr, bPtr, n, a.cols, dPtr, count, perDirection, sortedA, sortedB, scratch);
    const values = this.arena.f32(perDirection, count).slice();
    return {
      distance: Math.sqrt(values.reduce((s, v) => s + v, 0) / count),
      perDirection: values,
      sortedA: this.matrixAt(sortedA, count, n),
      sortedB: this.matrixAt(sortedB, count, n),
    };
  }
}
