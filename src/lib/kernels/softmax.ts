import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkMatrix, checkPositive } from './validate.ts';

/** assembly/softmax.ts */
export interface SoftmaxExports extends BaseExports {
  softmaxNegatives(d: number, rows: number, cols: number, temperature: number, out: number): void;
}

export class SoftmaxKernels extends KernelModule<SoftmaxExports> {
  /** softmax(−d / T) per row. */
  probabilities(distances: Matrix, temperature = 1): Matrix {
    checkMatrix('Distances', distances);
    checkPositive('The temperature', temperature);
    this.arena.reset();
    const d = this.upload('Distances', distances);
    this.wasm.softmaxNegatives(d, distances.rows, distances.cols, temperature, d);
    return this.matrixAt(d, distances.rows, distances.cols);
  }

  /** Address of softmax(−d / T) for the rows × cols distances at `d`. */
  probabilitiesAt(d: number, rows: number, cols: number, temperature: number): number {
    const out = this.arena.alloc(rows * cols * 4);
    this.wasm.softmaxNegatives(d, rows, cols, temperature, out);
    return out;
  }
}
