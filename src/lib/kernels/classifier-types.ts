import type { Matrix } from './matrix.ts';
import type { Metric } from './metrics.ts';
import type { Normalization } from './normalize.ts';
import type { OpenSetCalibration } from './openset.ts';

export interface FewShotInput {
  supports: Matrix;
  labels: ArrayLike<number>;
  classes: number;
  queries: Matrix;
  metric: Metric;
  normalization?: Normalization;
  temperature?: number;
  /** Soft k-means steps with the queries as unlabeled data; 0 = none. */
  refineIterations?: number;
  /** Quantile of leave-one-out support distances used as the open-set threshold. */
  openSetQuantile?: number;
  /**
   * An open-set threshold to use instead of the calibrated one (Infinity:
   * never "unknown"). The calibration is still computed and returned.
   */
  threshold?: number;
}

export interface PredictInput {
  queries: Matrix;
  /** Prototypes as `classify` returns them (already normalised, refined if asked). */
  prototypes: Matrix;
  metric: Metric;
  temperature?: number;
  /** Open-set threshold from `classify` or `calibrateOpenSet`; Infinity (default) never answers "unknown". */
  threshold?: number;
  /** How the prototypes' supports were normalised; queries get the same treatment. */
  normalization?: Normalization;
  /** For 'cl2n': the supports' mean that `classify` centred on (FewShotResult.mean). */
  mean?: Float32Array;
}

export interface Prediction {
  distances: Matrix;
  probabilities: Matrix;
  predicted: Int32Array;
  nearestDistance: Float32Array;
  /** 1 where the query is farther from every prototype than the threshold. */
  unknown: Uint8Array;
}

export interface FewShotResult extends Prediction {
  prototypes: Matrix;
  /**
   * The mass behind each prototype: its number of supports, plus, after
   * refinement, the queries' soft assignments to it in the last step. With
   * it, a support's leave-one-out prototype is (mass·p − x) / (mass − 1).
   */
  mass: Float32Array;
  /** Calibrated on the supports (before refinement), whether or not `threshold` was given. */
  calibration: OpenSetCalibration;
  /** For 'cl2n': the supports' mean everything was centred on; pass it to `predict`. */
  mean?: Float32Array;
}
