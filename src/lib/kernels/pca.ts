import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkMatrix, checkWholeNumber } from './validate.ts';

/** assembly/pca.ts */
export interface PcaExports extends BaseExports {
  pca2(ptr: number, n: number, dim: number, iterations: number, coords: number, components: number, variances: number, scratch: number): void;
  pcaScratchBytes(n: number, dim: number): number;
}

export interface Projection {
  /** n × 2 coordinates, row-major. */
  coords: Float32Array;
  /** 2 × dim unit directions. */
  components: Matrix;
  /** Variance along each direction. */
  variances: [number, number];
}

export class PcaKernels extends KernelModule<PcaExports> {
  /** The two principal directions of the rows and each row's coordinates along them. */
  project2d(m: Matrix, iterations = 100): Projection {
    checkMatrix('The matrix', m);
    checkWholeNumber('The number of power iterations', iterations, 1);
    this.arena.reset();
    const ptr = this.upload('The matrix', m);
    const coords = this.arena.alloc(m.rows * 2 * 4);
    const components = this.arena.alloc(2 * m.cols * 4);
    const variances = this.arena.alloc(2 * 8);
    const scratch = this.arena.alloc(this.wasm.pcaScratchBytes(m.rows, m.cols));
    this.wasm.pca2(ptr, m.rows, m.cols, iterations, coords, components, variances, scratch);
    const [first, second] = this.arena.f64(variances, 2);
    return {
      coords: this.arena.f32(coords, m.rows * 2).slice(),
      components: this.matrixAt(components, 2, m.cols),
      variances: [first!, second!],
    };
  }
}
