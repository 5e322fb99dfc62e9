import type { Matrix } from './matrix.ts';

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

export interface FastAPResult {
  /** FastAP: (1/N⁺) Σ_l h⁺_l H⁺_l / H_l over the soft histograms. */
  fastAP: number;
  /** Soft counts of positives and of negatives at each of the L + 1 bin centres z_l = l · maxDistance / L. */
  histogramPositive: Float32Array;
  histogramNegative: Float32Array;
  /** ∂FastAP/∂d_i for each item: negative where moving the item closer raises FastAP. */
  gradient: Float32Array;
}

export interface RankedListOptions {
  /** The negatives' boundary: a negative nearer than α is still pushed. */
  alpha: number;
  /** The margin m between the lists: a positive farther than α − m is still pulled. */
  margin: number;
  /** T in the negatives' weights exp(T (α − d)). */
  temperature: number;
}

export interface RankedListResult {
  /** L_P + L_N. */
  loss: number;
  /** The positives' part, (1/|P*|) Σ [d − (α − m)]₊ over the non-trivial positives P*. */
  lossPositive: number;
  /** The negatives' part, Σ (w/Σw) [α − d]₊ over the non-trivial negatives N*. */
  lossNegative: number;
  /** Each item's weight in its part: 1/|P*| or w/Σw, and 0 for a trivial item. */
  weights: Float32Array;
}
