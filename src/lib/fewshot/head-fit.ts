import { quantileOf, type Kernels, type Matrix } from '../kernels/index.ts';
import { fitTemperature } from './calibration.ts';
import type { Calibration, Supports } from './fit.ts';
import { headSimilarities, trainHead, type HeadOptions, type HeadProgress, type TrainedHead } from './head-train.ts';
import { headHeldOut, type HeldOut } from './held-out.ts';
import { cardValues, MIN_THRESHOLD_SAMPLES, OPEN_SET_QUANTILE, TEMPERATURE_BOUND, type Method } from './method.ts';
import type { CardCalibration } from '../models/card.ts';

/** A head trained on every support, what it makes of supports it did not see, and the calibration that follows. */
export interface HeadFit {
  head: TrainedHead;
  /** The unit-length supports the head lives among (the map draws them). */
  x: Matrix;
  heldOut: HeldOut;
  calibration: Calibration;
}

export interface HeadFitProgress {
  /** Training on every example: each chunk of steps, with the proxies so far (the map moves). */
  training?: HeadProgress;
  /** Then the held-out rounds. */
  rounds?: (round: number, rounds: number) => void;
}

/**
 * With the head on, a verdict's distance is 1 − the head's similarity to the
 * class. Its temperature is fitted on the held-out rounds' distances and its
 * open-set threshold is their 95th percentile of own-class distances: the
 * model card's values were fitted for prototypes, not for a head.
 */
export function fitHead(kernels: Kernels, supports: Supports, method: Method, options: HeadOptions, card: CardCalibration | undefined, progress: HeadFitProgress = {}): HeadFit {
  const x = kernels.normalize(supports.normalized, 'l2');
  const data = { x, labels: supports.labels, classes: supports.classes, gram: kernels.head.gram(x) };
  const head = trainHead(kernels, data, options, progress.training);
  const heldOut = headHeldOut(kernels, data, options, progress.rounds);
  return { head, x, heldOut, calibration: headCalibration(heldOut, method, card) };
}

function headCalibration(held: HeldOut, method: Method, card: CardCalibration | undefined): Calibration {
  const own = held.labels.map((c, r) => held.distances.data[r * held.distances.cols + c]!);
  const enough = own.length >= MIN_THRESHOLD_SAMPLES;
  const base = { threshold: enough ? quantileOf(own, OPEN_SET_QUANTILE) : Infinity, thresholdSource: enough ? 'examples' : 'none', samples: own.length, quantile: OPEN_SET_QUANTILE } as const;
  if (method.temperature !== 'auto') return { ...base, temperature: method.temperature, temperatureSource: 'manual' };
  // The head's distance is a cosine distance: the card's cosine temperature (fitted for prototypes on validation classes)
  // bounds the fit, as for prototypes, so that a few perfectly separated examples cannot drive T towards 0.
  const cosine = cardValues(card, { ...method, metric: 'cosine', normalization: 'l2' });
  const sorted = Float32Array.from(held.distances.data).sort();
  const centre = cosine?.temperature ?? Math.max(1e-4, sorted[Math.floor(sorted.length / 2)] ?? 1);
  const [low, high] = cosine ? [centre / TEMPERATURE_BOUND, centre * TEMPERATURE_BOUND] : [centre * 1e-4, centre * 1e2];
  const temperature = fitTemperature({ distances: held.distances.data, classes: held.distances.cols, labels: held.labels }, low, high);
  return { ...base, temperature, temperatureSource: 'examples' };
}

/** Distances (1 − similarity), probabilities and verdicts of queries normalised as the method says. */
export function predictWithHead(kernels: Kernels, fit: HeadFit, queries: Matrix): { distances: Matrix; probabilities: Matrix; predicted: Int32Array; unknown: boolean[] } {
  const similarity = headSimilarities(kernels, fit.head, kernels.normalize(queries, 'l2'));
  const distances = { ...similarity, data: similarity.data.map((s) => 1 - s) };
  const probabilities = kernels.probabilities(distances, fit.calibration.temperature);
  const { index, distance } = kernels.nearest(distances);
  return { distances, probabilities, predicted: index, unknown: Array.from(distance, (d) => d > fit.calibration.threshold) };
}
