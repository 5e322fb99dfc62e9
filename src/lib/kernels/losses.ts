import { KernelInputError } from './errors.ts';
import type { CircleLossResult, FastAPResult, MultiSimilarityOptions, MultiSimilarityResult, RankedListOptions, RankedListResult } from './losses-types.ts';
import type { Matrix } from './matrix.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkLabels, checkPositive, checkWholeNumber, toInt32 } from './validate.ts';

export type { CircleLossResult, FastAPResult, MultiSimilarityOptions, MultiSimilarityResult, RankedListOptions, RankedListResult } from './losses-types.ts';

/** assembly/losses/ */
export interface LossExports extends BaseExports {
  circleLoss(sn: number, sp: number, count: number, margin: number, scale: number, loss: number, gradN: number, gradP: number): void;
  multiSimilarityWeights(sim: number, labels: number, n: number, alpha: number, beta: number, lambda: number, epsilon: number, weights: number, loss: number): void;
  fastAP(distances: number, relevant: number, n: number, bins: number, maxDistance: number, hPos: number, hNeg: number, gradient: number, scratch: number): number;
  fastAPScratchBytes(bins: number): number;
  averagePrecision(distances: number, relevant: number, n: number): number;
  rankedListLoss(distances: number, relevant: number, n: number, alpha: number, margin: number, temperature: number, weights: number, parts: number): number;
}

/** Pair- and list-based losses of the deep metric learning topics, for the figures that let readers move them. */
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

  /**
   * FastAP (Cakir et al., CVPR 2019) of one query's list: its items' distances
   * in [0, maxDistance] (4 for squared Euclidean distances of unit vectors, as
   * in the paper), which of them are relevant (1) or not (0), and L bins.
   */
  fastAP(distances: Float32Array, relevant: ArrayLike<number>, bins: number, maxDistance = 4): FastAPResult {
    checkWholeNumber('The number of bins', bins, 1);
    checkPositive('The largest distance', maxDistance);
    const [d, r] = this.uploadList(distances, relevant, maxDistance);
    const n = distances.length;
    const hPos = this.arena.alloc((bins + 1) * 4);
    const hNeg = this.arena.alloc((bins + 1) * 4);
    const gradient = this.arena.alloc(n * 4);
    const scratch = this.arena.alloc(this.wasm.fastAPScratchBytes(bins));
    const fastAP = this.wasm.fastAP(d, r, n, bins, maxDistance, hPos, hNeg, gradient, scratch);
    return { fastAP, histogramPositive: this.arena.f32(hPos, bins + 1).slice(), histogramNegative: this.arena.f32(hNeg, bins + 1).slice(), gradient: this.arena.f32(gradient, n).slice() };
  }

  /** Exact average precision of the list ranked by distance (ties share a rank, as a threshold would take them). */
  averagePrecision(distances: Float32Array, relevant: ArrayLike<number>): number {
    const [d, r] = this.uploadList(distances, relevant, Infinity);
    return this.wasm.averagePrecision(d, r, distances.length);
  }

  /** Ranked List Loss (Wang et al., CVPR 2019) of one query's list: distances ≥ 0, relevance 1 or 0, boundaries α and α − m, temperature T. */
  rankedList(distances: Float32Array, relevant: ArrayLike<number>, options: RankedListOptions): RankedListResult {
    const { alpha, margin, temperature } = options;
    checkPositive('α', alpha);
    if (!(Number.isFinite(margin) && margin >= 0)) throw new KernelInputError(`The margin m must be a finite number ≥ 0; got ${margin}.`);
    if (!(Number.isFinite(temperature) && temperature >= 0)) throw new KernelInputError(`The temperature T must be a finite number ≥ 0; got ${temperature}.`);
    const [d, r] = this.uploadList(distances, relevant, Infinity);
    const weights = this.arena.alloc(distances.length * 4);
    const parts = this.arena.alloc(16);
    const loss = this.wasm.rankedListLoss(d, r, distances.length, alpha, margin, temperature, weights, parts);
    const [lossPositive, lossNegative] = this.arena.f64(parts, 2);
    return { loss, lossPositive: lossPositive!, lossNegative: lossNegative!, weights: this.arena.f32(weights, distances.length).slice() };
  }

  /** Checks and uploads one query's list: distances in [0, maxDistance], relevance 0 or 1 with at least one relevant item. */
  private uploadList(distances: Float32Array, relevant: ArrayLike<number>, maxDistance: number): [number, number] {
    const flags = toInt32(relevant);
    if (flags.length !== distances.length) throw new KernelInputError(`Every item needs a relevance; got ${distances.length} distances and ${flags.length} flags.`);
    if (flags.some((f) => f !== 0 && f !== 1)) throw new KernelInputError('Relevance flags must be 1 (a positive) or 0 (a negative).');
    if (!flags.includes(1)) throw new KernelInputError('The list needs at least one positive; average precision is undefined without one.');
    this.arena.reset();
    const d = this.uploadValues('Distances', distances);
    const outside = distances.findIndex((v) => v < 0 || v > maxDistance);
    if (outside >= 0) throw new KernelInputError(`Distance ${distances[outside]} of item ${outside} is outside [0, ${maxDistance}].`);
    return [d, this.arena.putI32(flags)];
  }

  private uploadValues(name: string, values: Float32Array): number {
    return this.upload(name, { data: values, rows: 1, cols: values.length });
  }
}
