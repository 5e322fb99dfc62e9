import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkLabels, checkPositive, toInt32 } from './validate.ts';

/** assembly/losses/ */
export interface LossExports extends BaseExports {
  circleLoss(sn: number, sp: number, count: number, margin: number, scale: number, loss: number, gradN: number, gradP: number): void;
  multiSimilarityWeights(sim: number, labels: number, n: number, alpha: number, beta: number, lambda: number, epsilon: number, weights: number, loss: number): void;
}

export interface CircleLossResult {
  loss: Float32Array;
  /** ∂L/∂s_n (≥ 0: lowering s_n lowers the loss). */
  gradN: Float32Array;
  /** ∂L/∂s_p (≤ 0: raising s_p lowers the loss). */
  gradP: Float32Array;
}

export interface MultiSimilarityOptions {
  alpha: number;
  beta: number;
  lambda: number;
  epsilon: number;
}

export interface MultiSimilarityResult {
  /** n × n: w⁺ on kept positive pairs, w⁻ on kept negative pairs, 0 on the diagonal and on mined-away pairs. */
  weights: Matrix;
  /** The loss of each anchor. */
  loss: Float32Array;
}

/** Pair-based losses of the deep metric learning topics, for the figures that let readers move them. */
export class LossKernels extends KernelModule<LossExports> {
  /** Circle loss (Sun et al., CVPR 2020) of each pair (sn[i], sp[i]), with its gradient. */
  circle(sn: Float32Array, sp: Float32Array, margin: number, scale: number): CircleLossResult {
    if (sn.length !== sp.length) throw new KernelInputError(`Circle loss needs as many s_n as s_p values; got ${sn.length} and ${sp.length}.`);
    if (!(Number.isFinite(margin) && margin >= 0 && margin < 1)) throw new KernelInputError(`The margin must be a number in [0, 1); got ${margin}.`);
    checkPositive('The scale γ', scale);
    const count = sn.length;
    this.arena.reset();
    const n = this.uploadValues('s_n', sn);
    const p = this.uploadValues('s_p', sp);
    const loss = this.arena.alloc(count * 4);
    const gradN = this.arena.alloc(count * 4);
    const gradP = this.arena.alloc(count * 4);
    this.wasm.circleLoss(n, p, count, margin, scale, loss, gradN, gradP);
    return { loss: this.arena.f32(loss, count).slice(), gradN: this.arena.f32(gradN, count).slice(), gradP: this.arena.f32(gradP, count).slice() };
  }

  /** Multi-Similarity pair weights (Wang et al., CVPR 2019) from an n × n similarity matrix and n labels. */
  multiSimilarity(similarities: Matrix, labels: ArrayLike<number>, options: MultiSimilarityOptions): MultiSimilarityResult {
    const { alpha, beta, lambda, epsilon } = options;
    checkPositive('α', alpha);
    checkPositive('β', beta);
    if (!Number.isFinite(lambda)) throw new KernelInputError(`λ must be a finite number; got ${lambda}.`);
    if (!(Number.isFinite(epsilon) && epsilon >= 0)) throw new KernelInputError(`ε must be a finite number ≥ 0; got ${epsilon}.`);
    if (similarities.rows !== similarities.cols) {
      throw new KernelInputError(`The similarity matrix must be square; got ${similarities.rows} × ${similarities.cols}.`);
    }
    const labelArray = toInt32(labels);
    const n = similarities.rows;
    checkLabels(labelArray, n, Math.max(...labelArray) + 1, { allowEmptyClass: true });
    this.arena.reset();
    const sim = this.upload('The similarity matrix', similarities);
    const labelPtr = this.arena.putI32(labelArray);
    const weights = this.arena.alloc(n * n * 4);
    const loss = this.arena.alloc(n * 4);
    this.wasm.multiSimilarityWeights(sim, labelPtr, n, alpha, beta, lambda, epsilon, weights, loss);
    return { weights: this.matrixAt(weights, n, n), loss: this.arena.f32(loss, n).slice() };
  }

  private uploadValues(name: string, values: Float32Array): number {
    return this.upload(name, { data: values, rows: 1, cols: values.length });
  }
}
