import { CIRCLE, MULTI_SIMILARITY, NORM_SOFTMAX, SOFT_TRIPLE } from '../../../assembly/head/ids.ts';
import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkLabels, checkPositive } from './validate.ts';

/** assembly/head/ */
export interface HeadExports extends BaseExports {
  headGram(x: number, n: number, dim: number, out: number): void;
  headScratchBytes(n: number, m: number, classes: number, centres: number): number;
  headTrain(gram: number, n: number, labels: number, coefficients: number, velocity: number, m: number, proxyClass: number, classes: number, centres: number, loss: number, params: number, rate: number, momentum: number, decay: number, steps: number, scratch: number, losses: number): void;
  headProxies(coefficients: number, m: number, x: number, n: number, dim: number, out: number): void;
  softTripleSimilarity(cos: number, queries: number, classes: number, centres: number, gamma: number, out: number): void;
}

export const HEAD_LOSS_IDS = { 'norm-softmax': NORM_SOFTMAX, 'soft-triple': SOFT_TRIPLE, 'multi-similarity': MULTI_SIMILARITY, circle: CIRCLE } as const;
export type HeadLoss = keyof typeof HEAD_LOSS_IDS;

/**
 * What a head trains, in the coefficient form of assembly/head/train.ts: the
 * proxies are coefficients (m × n) over the n supports, whose Gram matrix and
 * labels never change during training. `train` updates coefficients and
 * velocity in place, so training can go in chunks between progress reports.
 */
export interface HeadState {
  gram: Matrix;
  labels: Int32Array;
  classes: number;
  /** Proxies per class: K for SoftTriple, 1 for the others; proxy r belongs to class ⌊r / K⌋. */
  centres: number;
  coefficients: Matrix;
  velocity: Float32Array;
}

export interface HeadStep {
  loss: HeadLoss;
  /** NormSoftmax: [scale]; SoftTriple: [λ, γ, δ]; Multi-Similarity: [α, β, λ, ε]; Circle: [margin, γ]. */
  params: readonly number[];
  rate: number;
  momentum: number;
  decay: number;
}

/** The metric head's training and scoring (issue 13); the maths is in assembly/head/. */
export class HeadKernels extends KernelModule<HeadExports> {
  /** G = X Xᵀ of unit-length supports. */
  gram(x: Matrix): Matrix {
    this.arena.reset();
    const ptr = this.upload('The supports', x);
    const out = this.arena.alloc(x.rows * x.rows * 4);
    this.wasm.headGram(ptr, x.rows, x.cols, out);
    return this.matrixAt(out, x.rows, x.rows);
  }

  /** Runs `steps` steps on `state` (changed in place); returns each step's loss. */
  train(state: HeadState, step: HeadStep, steps: number): Float32Array {
    const { gram, labels, classes, centres, coefficients, velocity } = state;
    const n = gram.rows;
    const m = classes * centres;
    checkLabels(labels, n, classes);
    if (coefficients.rows !== m || coefficients.cols !== n || velocity.length !== m * n) throw new KernelInputError(`The head needs ${m} × ${n} coefficients; got ${coefficients.rows} × ${coefficients.cols}.`);
    if (step.loss !== 'soft-triple' && centres !== 1) throw new KernelInputError(`Only SoftTriple has several centres per class; ${step.loss} has 1, got ${centres}.`);
    if (!Number.isInteger(steps) || steps < 0) throw new KernelInputError(`Steps must be a whole number ≥ 0; got ${steps}.`);
    checkPositive('The learning rate', step.rate);
    if (!(step.momentum >= 0 && step.momentum < 1)) throw new KernelInputError(`Momentum must be in [0, 1); got ${step.momentum}.`);
    if (!(step.decay >= 0 && Number.isFinite(step.decay))) throw new KernelInputError(`Weight decay must be ≥ 0; got ${step.decay}.`);
    step.params.forEach((p, i) => { if (!Number.isFinite(p)) throw new KernelInputError(`Parameter ${i + 1} of ${step.loss} must be a finite number; got ${p}.`); });
    this.arena.reset();
    const g = this.upload('The Gram matrix', gram);
    const a = this.upload('The coefficients', coefficients);
    const v = this.arena.putF32(velocity);
    const l = this.arena.putI32(labels);
    const owner = this.arena.putI32(Int32Array.from({ length: m }, (_, r) => Math.floor(r / centres)));
    const params = this.arena.putF32(Float32Array.from({ length: 4 }, (_, i) => step.params[i] ?? 0));
    const scratch = this.arena.alloc(this.wasm.headScratchBytes(n, m, classes, centres));
    const losses = this.arena.alloc(Math.max(1, steps) * 4);
    this.wasm.headTrain(g, n, l, a, v, m, owner, classes, centres, HEAD_LOSS_IDS[step.loss], params, step.rate, step.momentum, step.decay, steps, scratch, losses);
    coefficients.data.set(this.arena.f32(a, m * n));
    velocity.set(this.arena.f32(v, m * n));
    return this.arena.f32(losses, steps).slice();
  }

  /** The proxies p_r = Σ_i A_ri x_i (m × dim). */
  proxies(coefficients: Matrix, x: Matrix): Matrix {
    if (coefficients.cols !== x.rows) throw new KernelInputError(`${coefficients.cols} coefficients per proxy but ${x.rows} supports.`);
    this.arena.reset();
    const a = this.upload('The coefficients', coefficients);
    const s = this.upload('The supports', x);
    const out = this.arena.alloc(coefficients.rows * x.cols * 4);
    this.wasm.headProxies(a, coefficients.rows, s, x.rows, x.cols, out);
    return this.matrixAt(out, coefficients.rows, x.cols);
  }

  /** SoftTriple's class similarities (q × classes) from cosines to every centre (q × classes·K). */
  softTripleSimilarity(cos: Matrix, classes: number, centres: number, gamma: number): Matrix {
    if (cos.cols !== classes * centres) throw new KernelInputError(`Expected ${classes * centres} cosines per query; got ${cos.cols}.`);
    checkPositive('γ', gamma);
    this.arena.reset();
    const c = this.upload('The cosines', cos);
    const out = this.arena.alloc(cos.rows * classes * 4);
    this.wasm.softTripleSimilarity(c, cos.rows, classes, centres, gamma, out);
    return this.matrixAt(out, cos.rows, classes);
  }
}
