import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkPositive, checkWholeNumber } from './validate.ts';

/** assembly/propagation.ts */
export interface PropagationExports extends BaseExports {
  labelPropagation(points: number, labels: number, n: number, dim: number, classes: number, k: number, sigma: number, alpha: number, iterations: number, out: number, neighbours: number, scratch: number): void;
  labelPropagationScratchBytes(n: number, classes: number): number;
}

export interface PropagationOptions {
  /** Neighbours per point in the k-NN graph, 1 to n − 1. */
  k: number;
  /** Width of the Gaussian affinity exp(−d² / σ²). */
  sigma: number;
  /** How much a point keeps from its neighbours rather than its own label, in [0, 1). */
  alpha: number;
  /** Steps of F ← α S F + (1 − α) Y. */
  iterations: number;
}

export interface PropagationResult {
  /** F after the steps: n × classes scores (not normalised; a row of zeros has heard from no label yet). */
  scores: Matrix;
  /** Each point's k nearest neighbours, nearest first (n × k): the graph's edges before symmetrisation. */
  neighbours: Int32Array;
}

/** Label propagation on a k-NN graph (the semi-supervised topic). */
export class PropagationKernels extends KernelModule<PropagationExports> {
  /** Spreads `labels` (a class, or −1 where unlabelled) over the k-NN graph of `points`. */
  propagate(points: Matrix, labels: ArrayLike<number>, classes: number, { k, sigma, alpha, iterations }: PropagationOptions): PropagationResult {
    checkWholeNumber('The number of classes', classes, 1);
    checkWholeNumber('The number of neighbours k', k, 1);
    checkWholeNumber('The number of iterations', iterations, 0);
    checkPositive('The affinity width σ', sigma);
    if (!(alpha >= 0 && alpha < 1)) throw new KernelInputError(`α must lie in [0, 1); got ${alpha}.`);
    const n = points.rows;
    if (labels.length !== n) throw new KernelInputError(`There are ${n} points but ${labels.length} labels; give one label (or −1) per point.`);
    if (k > n - 1) throw new KernelInputError(`k = ${k} neighbours needs at least ${k + 1} points; there are ${n}.`);
    const labelArray = Int32Array.from(labels, (label, i) => {
      if (!Number.isInteger(label) || label < -1 || label >= classes) {
        throw new KernelInputError(`Label ${label} at row ${i} is out of range: use −1 for unlabelled or a class from 0 to ${classes - 1}.`);
      }
      return label;
    });
    this.arena.reset();
    const pointsPtr = this.upload('Points', points);
    const labelPtr = this.arena.putI32(labelArray);
    const out = this.arena.alloc(n * classes * 4);
    const neighbours = this.arena.alloc(n * k * 4);
    const scratch = this.arena.alloc(this.wasm.labelPropagationScratchBytes(n, classes));
    this.wasm.labelPropagation(pointsPtr, labelPtr, n, points.cols, classes, k, sigma, alpha, iterations, out, neighbours, scratch);
    return { scores: this.matrixAt(out, n, classes), neighbours: this.arena.i32(neighbours, n * k).slice() };
  }
}
