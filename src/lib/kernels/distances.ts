import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { METRICS, type Metric } from './metrics.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkMatrix, checkMetric, checkSameWidth } from './validate.ts';

/** assembly/distances/index.ts */
export interface DistanceExports extends BaseExports {
  distanceMatrix(metric: number, q: number, nq: number, p: number, np: number, dim: number, out: number, scratch: number): void;
  distanceRows(metric: number, a: number, b: number, rows: number, dim: number, out: number, scratch: number): void;
  distanceScratchBytes(nq: number, np: number): number;
}

export class DistanceKernels extends KernelModule<DistanceExports> {
  /** d(q_i, p_j) for every query and prototype. */
  distances(metric: Metric, queries: Matrix, prototypes: Matrix): Matrix {
    checkMetric(metric);
    checkMatrix('Queries', queries);
    checkMatrix('Prototypes', prototypes);
    checkSameWidth('queries', queries, 'prototypes', prototypes);
    this.arena.reset();
    const q = this.upload('Queries', queries);
    const p = this.upload('Prototypes', prototypes);
    return this.matrixAt(this.distanceMatrixAt(metric, q, queries.rows, p, prototypes.rows, queries.cols), queries.rows, prototypes.rows);
  }

  /** d(a_i, b_i) row by row. */
  rowDistances(metric: Metric, a: Matrix, b: Matrix): Float32Array {
    checkMetric(metric);
    checkMatrix('The first matrix', a);
    checkMatrix('The second matrix', b);
    checkSameWidth('the first rows', a, 'the second rows', b);
    if (a.rows !== b.rows) {
      throw new KernelInputError(`Row-by-row distances need the same number of rows; got ${a.rows} and ${b.rows}.`);
    }
    this.arena.reset();
    const aPtr = this.upload('The first matrix', a);
    const bPtr = this.upload('The second matrix', b);
    return this.arena.f32(this.distanceRowsAt(metric, aPtr, bPtr, a.rows, a.cols), a.rows).slice();
  }

  /** Address of the nq × np distance matrix. */
  distanceMatrixAt(metric: Metric, q: number, nq: number, p: number, np: number, dim: number): number {
    const out = this.arena.alloc(nq * np * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(nq, np));
    this.wasm.distanceMatrix(METRICS[metric].id, q, nq, p, np, dim, out, scratch);
    return out;
  }

  /** Address of the `rows` row-by-row distances. */
  distanceRowsAt(metric: Metric, a: number, b: number, rows: number, dim: number): number {
    const out = this.arena.alloc(rows * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(rows, rows));
    this.wasm.distanceRows(METRICS[metric].id, a, b, rows, dim, out, scratch);
    return out;
  }
}
