import type { CardCalibration } from '../models/card.ts';
import { methodSchema, type Method } from '../../schemas/method.ts';

/** How the lab turns embeddings into a verdict: distance, normalisation, temperature and refinement (src/schemas/method.ts). */
export type { Method } from '../../schemas/method.ts';

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

/** Checks a method from a form, a saved lab or a URL (methodSchema); names the bad field. */
export function checkMethod(value: Partial<Record<keyof Method, unknown>>): Method {
  const parsed = methodSchema.safeParse(value);
  if (!parsed.success) throw new MethodError(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The card's fitted values for this method, if the card has them. */
export function cardValues(calibration: CardCalibration | undefined, method: Method) {
  return calibration?.settings[`${method.metric}/${method.normalization}`];
}
