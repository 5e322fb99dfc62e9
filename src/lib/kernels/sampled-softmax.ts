import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkWholeNumber } from './validate.ts';

/** assembly/sampledSoftmax.ts */
export interface SampledSoftmaxExports extends BaseExports {
  sampledSoftmaxGradients(labels: number, count: number, dim: number, input: number, target: number, negatives: number, draws: number, m: number, logCorrection: number, full: number, each: number, moments: number, scratch: number): void;
  sampledSoftmaxScratchBytes(count: number, m: number, dim: number): number;
}

export interface SampledGradients {
  /** g = Σ_ℓ p_ℓ w_ℓ − w_y: the full softmax's gradient with respect to the input. */
  full: Float32Array;
  /** Each draw's sampled gradient ĝ (draws × dim). */
  each: Matrix;
  /** ‖E ĝ − g‖ over the draws. */
  bias: number;
  /** √E‖ĝ − E ĝ‖² over the draws. */
  spread: number;
}

/** Softmax cross-entropy over many labels against sampled negatives (the large-output-spaces topic). */
export class SampledSoftmaxKernels extends KernelModule<SampledSoftmaxExports> {
  /**
   * The full gradient of −log p(target | input) with respect to the input, each
   * draw's sampled gradient (negatives: draws × m label indices, none the
   * target; each negative's score lowered by `logCorrection`), and their bias
   * and spread.
   */
  gradients(labels: Matrix, input: Float32Array, target: number, negatives: Int32Array, m: number, logCorrection: number): SampledGradients {
    checkWholeNumber('The number of sampled negatives m', m, 1);
    if (!Number.isInteger(target) || target < 0 || target >= labels.rows) throw new KernelInputError(`The target label ${target} is out of range: there are ${labels.rows} labels.`);
    if (input.length !== labels.cols) throw new KernelInputError(`The input has ${input.length} values but label embeddings have ${labels.cols}; both must live in the same space.`);
    if (negatives.length === 0 || negatives.length % m !== 0) throw new KernelInputError(`Negatives hold ${negatives.length} indices, not a whole number (≥ 1) of draws of m = ${m}.`);
    for (let i = 0; i < negatives.length; i++) {
      const j = negatives[i]!;
      if (!(j >= 0 && j < labels.rows) || j === target) throw new KernelInputError(`Negative ${j} at position ${i} is not a label other than the target (0 to ${labels.rows - 1}, not ${target}).`);
    }
    if (!Number.isFinite(logCorrection)) throw new KernelInputError(`The log correction must be a finite number; got ${logCorrection}.`);
    const draws = negatives.length / m;
    this.arena.reset();
    const labelPtr = this.upload('Label embeddings', labels);
    const inputPtr = this.upload('The input', { data: input, rows: 1, cols: input.length });
    const negativePtr = this.arena.putI32(negatives);
    const full = this.arena.alloc(labels.cols * 4);
    const each = this.arena.alloc(draws * labels.cols * 4);
    const moments = this.arena.alloc(8);
    const scratch = this.arena.alloc(this.wasm.sampledSoftmaxScratchBytes(labels.rows, m, labels.cols));
    this.wasm.sampledSoftmaxGradients(labelPtr, labels.rows, labels.cols, inputPtr, target, negativePtr, draws, m, logCorrection, full, each, moments, scratch);
    const [bias, spread] = this.arena.f32(moments, 2);
    return { full: this.arena.f32(full, labels.cols).slice(), each: this.matrixAt(each, draws, labels.cols), bias: bias!, spread: spread! };
  }
}
