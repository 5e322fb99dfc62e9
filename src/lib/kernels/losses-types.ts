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
