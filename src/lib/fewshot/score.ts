import type { Kernels, Matrix } from '../kernels/index.ts';
import type { CardCalibration } from '../models/card.ts';
import { calibrate, type Calibration, type Supports } from './fit.ts';
import type { Method } from './method.ts';

export interface Scores {
  /** queries × classes. */
  distances: Matrix;
  probabilities: Matrix;
  predicted: Int32Array;
  unknown: ArrayLike<boolean | number>;
}

/** Verdicts from the class prototypes, refined on the queries first when the method says so. */
export function scoreWithPrototypes(kernels: Kernels, fit: { supports: Supports; prototypes: Matrix; calibration: Calibration }, q: Matrix, method: Method, card: CardCalibration | undefined): { result: Scores; calibration: Calibration } {
  let { prototypes, calibration } = fit;
  const { supports } = fit;
  if (method.refine > 0) {
    const refined = kernels.classify({ supports: supports.raw, labels: supports.labels, classes: supports.classes, queries: q, metric: method.metric, normalization: method.normalization, temperature: calibration.temperature, refineIterations: method.refine });
    prototypes = refined.prototypes;
    // The threshold is measured on the prototypes the verdict uses: after refinement.
    calibration = calibrate(kernels, supports, prototypes, refined.mass, method, card);
  }
  const { threshold, temperature } = calibration;
  const result = kernels.predict({ queries: q, prototypes, metric: method.metric, temperature, threshold, normalization: method.normalization, ...(supports.mean ? { mean: supports.mean } : {}) });
  return { result, calibration };
}
