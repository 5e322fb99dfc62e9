import type { Arena } from './arena.ts';
import type { DistanceKernels } from './distances.ts';
import type { Matrix } from './matrix.ts';
import type { Metric } from './metrics.ts';
import { KernelModule, type BaseExports } from './module.ts';
import type { PrototypeKernels, PrototypesInMemory } from './prototypes.ts';
import { checkLabels, checkMatrix, checkMetric, checkQuantile, toInt32 } from './validate.ts';

/** assembly/openset.ts */
export interface OpenSetExports extends BaseExports {
  nearest(d: number, rows: number, cols: number, outIndex: number, outDistance: number): void;
  leaveOneOutPrototypes(emb: number, labels: number, n: number, dim: number, counts: number, out: number): void;
}

export interface OpenSetCalibration {
  /** Distances above this are "unknown". Infinity when no class has two examples to calibrate with. */
  threshold: number;
  /** How many leave-one-out distances the threshold was computed from. */
  samples: number;
}

export const DEFAULT_OPEN_SET_QUANTILE = 0.95;

/** Nearest prototypes, and how far a member of a class may lie from the others' prototype. */
export class OpenSetKernels extends KernelModule<OpenSetExports> {
  private readonly protos: PrototypeKernels;
  private readonly distances: DistanceKernels;

  constructor(wasm: OpenSetExports, arena: Arena, protos: PrototypeKernels, distances: DistanceKernels) {
    super(wasm, arena);
    this.protos = protos;
    this.distances = distances;
  }

  /** The closest column of each row of a distance matrix. */
  nearest(distances: Matrix): { index: Int32Array; distance: Float32Array } {
    checkMatrix('Distances', distances);
    this.arena.reset();
    const d = this.upload('Distances', distances);
    const at = this.nearestAt(d, distances.rows, distances.cols);
    return { index: this.arena.i32(at.index, distances.rows).slice(), distance: this.arena.f32(at.distance, distances.rows).slice() };
  }

  /**
   * An open-set threshold from the supports alone: the `quantile` of the
   * distances from each support to its class prototype computed without it.
   */
  calibrateOpenSet(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, quantile = DEFAULT_OPEN_SET_QUANTILE): OpenSetCalibration {
    checkMetric(metric);
    checkQuantile(quantile);
    const distances = this.leaveOneOutDistances(metric, supports, labels, classes);
    return calibrationOf(distances, quantile);
  }

  /** Each support's distance to its class prototype computed without it; NaN where its class has a single example. */
  leaveOneOutDistances(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number): Float32Array {
    checkMetric(metric);
    const labelArray = toInt32(labels);
    checkMatrix('Supports', supports);
    checkLabels(labelArray, supports.rows, classes);
    this.arena.reset();
    const emb = this.upload('Supports', supports);
    const labelPtr = this.arena.putI32(labelArray);
    const protos = this.protos.prototypesAt(emb, labelPtr, supports.rows, supports.cols, classes);
    return this.leaveOneOutAt(metric, emb, labelPtr, labelArray, supports.cols, classes, protos);
  }

  /** Addresses of each row's nearest column and its distance. */
  nearestAt(d: number, rows: number, cols: number): { index: number; distance: number } {
    const index = this.arena.alloc(rows * 4);
    const distance = this.arena.alloc(rows * 4);
    this.wasm.nearest(d, rows, cols, index, distance);
    return { index, distance };
  }

  /** Leave-one-out distances of the supports at `emb`, whose prototypes are `protos`. */
  leaveOneOutAt(metric: Metric, emb: number, labelPtr: number, labels: Int32Array, dim: number, classes: number, protos: PrototypesInMemory): Float32Array {
    const n = labels.length;
    const loo = this.arena.alloc(n * dim * 4);
    this.wasm.leaveOneOutPrototypes(emb, labelPtr, n, dim, protos.mass, loo);
    const out = this.distances.distanceRowsAt(metric, emb, loo, n, dim);
    const distances = this.arena.f32(out, n).slice();
    const mass = this.arena.f32(protos.mass, classes);
    // The module fills single-example classes' rows with NaN prototypes, but a
    // metric's clamps need not carry NaN through; say "none" explicitly.
    labels.forEach((label, i) => {
      if (mass[label]! < 2) distances[i] = Number.NaN;
    });
    return distances;
  }
}

/** The threshold from leave-one-out distances, skipping NaN (single-example classes). */
export function calibrationOf(distances: Float32Array, quantile: number): OpenSetCalibration {
  const usable = Array.from(distances).filter((d) => !Number.isNaN(d));
  return { threshold: quantileOf(usable, quantile), samples: usable.length };
}

/** Linear-interpolated quantile; Infinity for no values (nothing to calibrate with). */
export function quantileOf(values: number[], q: number): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
