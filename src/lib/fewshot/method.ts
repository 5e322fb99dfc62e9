import { isMetric, NORMALIZATIONS, type Metric, type Normalization } from '../kernels/index.ts';
import type { CardCalibration } from '../models/card.ts';

/** How the lab turns embeddings into a verdict: distance, normalisation, temperature and refinement. */
export interface Method {
  metric: Metric;
  normalization: Normalization;
  /** 'auto': the model card's fitted value, refitted on the visitor's examples when they allow it. */
  temperature: 'auto' | number;
  /** Soft k-means steps that also use the queries as unlabeled data (transductive). */
  refine: number;
}

export const DEFAULT_METHOD: Method = { metric: 'euclidean', normalization: 'l2', temperature: 'auto', refine: 0 };

/** The quantile of same-class distances above which a query is "unknown". */
export const OPEN_SET_QUANTILE = 0.95;
/** Leave-one-out distances needed before the visitor's own examples set the threshold (else the card's). */
export const MIN_THRESHOLD_SAMPLES = 4;
/** How far the visitor's examples may move the temperature from the card's value (a factor either way). */
export const TEMPERATURE_BOUND = 4;

export class MethodError extends Error {
  override name = 'MethodError';
}

/** Checks a method from a form, a saved lab or a URL; names the bad field. */
export function checkMethod(value: Partial<Record<keyof Method, unknown>>): Method {
  const { metric, normalization, temperature, refine } = value;
  if (typeof metric !== 'string' || !isMetric(metric)) throw new MethodError(`Unknown distance "${String(metric)}".`);
  if (!NORMALIZATIONS.includes(normalization as Normalization)) throw new MethodError(`Unknown normalisation "${String(normalization)}".`);
  if (temperature !== 'auto' && !(typeof temperature === 'number' && temperature > 0 && Number.isFinite(temperature))) {
    throw new MethodError(`The temperature must be "auto" or a number above 0; got ${String(temperature)}.`);
  }
  if (!(Number.isInteger(refine) && (refine as number) >= 0 && (refine as number) <= 10)) throw new MethodError(`Refinement steps must be a whole number from 0 to 10; got ${String(refine)}.`);
  return { metric, normalization: normalization as Normalization, temperature, refine: refine as number };
}

/** The card's fitted values for this method, if the card has them. */
export function cardValues(calibration: CardCalibration | undefined, method: Method) {
  return calibration?.settings[`${method.metric}/${method.normalization}`];
}
