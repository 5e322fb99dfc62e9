/**
 * Temperature scaling and its measures, in plain TypeScript (the inputs are
 * small: a visitor's leave-one-out distances, or an evaluation's queries).
 * see: Guo, Pleiss, Sun, Weinberger 2017, "On Calibration of Modern Neural
 * Networks", §4.2 (one scalar T fitted by minimising NLL on held-out data).
 */

/** Rows of distances to each class, with the true class of each row. */
export interface LabelledDistances {
  /** rows × classes, row-major. */
  distances: Float32Array | Float64Array;
  classes: number;
  labels: ArrayLike<number>;
}

/** Mean negative log-likelihood of the true classes under softmax(−d / T), over one or several groups of rows. */
export function negativeLogLikelihood(data: LabelledDistances | readonly LabelledDistances[], temperature: number): number {
  const groups = Array.isArray(data) ? data : [data as LabelledDistances];
  let total = 0;
  let count = 0;
  for (const group of groups) {
    total += groupNll(group, temperature);
    count += group.labels.length;
  }
  return total / Math.max(1, count);
}

function groupNll({ distances, classes, labels }: LabelledDistances, temperature: number): number {
  let total = 0;
  for (let r = 0; r < labels.length; r++) {
    const row = distances.subarray(r * classes, (r + 1) * classes);
    let min = Infinity;
    for (const d of row) min = Math.min(min, d);
    let sum = 0;
    for (const d of row) sum += Math.exp(-(d - min) / temperature);
    total += (row[labels[r]!]! - min) / temperature + Math.log(sum);
  }
  return total;
}

/**
 * The temperature in [low, high] with the smallest NLL: golden-section search
 * on log T (the NLL of a softmax in 1/T is convex, so it is unimodal in log T).
 */
export function fitTemperature(data: LabelledDistances | readonly LabelledDistances[], low: number, high: number): number {
  if (!(low > 0 && high >= low)) throw new RangeError(`The temperature bounds must satisfy 0 < low ≤ high; got ${low} and ${high}.`);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  const nll = (logT: number) => negativeLogLikelihood(data, Math.exp(logT));
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = nll(c);
  let fd = nll(d);
  for (let i = 0; i < 60 && b - a > 1e-4; i++) {
    if (fc <= fd) {
      [b, d, fd] = [d, c, fc];
      c = b - phi * (b - a);
      fc = nll(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + phi * (b - a);
      fd = nll(d);
    }
  }
  return Math.exp((a + b) / 2);
}

export interface ReliabilityBin {
  /** Bin edges on the confidence axis. */
  from: number;
  to: number;
  count: number;
  /** Mean confidence and accuracy of the predictions in the bin (0 when empty). */
  confidence: number;
  accuracy: number;
}

/** Expected calibration error over equal-width confidence bins, with the bins for a reliability diagram. */
export function expectedCalibrationError(confidences: ArrayLike<number>, correct: ArrayLike<boolean>, binCount = 10): { ece: number; bins: ReliabilityBin[] } {
  const bins: ReliabilityBin[] = Array.from({ length: binCount }, (_, i) => ({ from: i / binCount, to: (i + 1) / binCount, count: 0, confidence: 0, accuracy: 0 }));
  for (let i = 0; i < confidences.length; i++) {
    const bin = bins[Math.min(binCount - 1, Math.floor(confidences[i]! * binCount))]!;
    bin.count++;
    bin.confidence += confidences[i]!;
    bin.accuracy += correct[i] ? 1 : 0;
  }
  let ece = 0;
  for (const bin of bins) {
    if (bin.count === 0) continue;
    bin.confidence /= bin.count;
    bin.accuracy /= bin.count;
    ece += (bin.count / confidences.length) * Math.abs(bin.accuracy - bin.confidence);
  }
  return { ece, bins };
}

/** Area under the ROC curve for telling positives (higher scores) from negatives; ties count one half. */
export function areaUnderRoc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const all = [...positives.map((s) => [s, 1] as const), ...negatives.map((s) => [s, 0] as const)].sort((x, y) => x[0] - y[0]);
  // Rank-sum (Mann–Whitney U) with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]![0] === all[i]![0]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k]![1] === 1) rankSum += rank;
    i = j;
  }
  return (rankSum - (positives.length * (positives.length + 1)) / 2) / (positives.length * negatives.length);
}
