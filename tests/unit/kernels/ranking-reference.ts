/**
 * Plain f64 oracles for the list-based losses in assembly/losses/ (FastAP,
 * Ranked List Loss), written from the papers' formulas rather than from the kernels'
 * loops: FastAP as the sum over bins of h⁺ H⁺ / H with its gradient by the
 * chain rule through the soft histogram, exact AP by sorting.
 */

/** Exact AP: sort by distance; at each positive, precision over every item at or before its distance. */
export function averagePrecision(distances: ArrayLike<number>, relevant: ArrayLike<number>): number {
  const items = Array.from(distances, (d, i) => ({ d, positive: relevant[i] === 1 })).sort((a, b) => a.d - b.d);
  const precisions = items.filter((it) => it.positive).map((it) => items.filter((o) => o.positive && o.d <= it.d).length / items.filter((o) => o.d <= it.d).length);
  return precisions.reduce((s, p) => s + p, 0) / precisions.length;
}

const triangle = (d: number, z: number, width: number) => Math.max(0, 1 - Math.abs(d - z) / width);
const triangleSlope = (d: number, z: number, width: number) => (d > z - width && d <= z ? 1 / width : d > z && d <= z + width ? -1 / width : 0);

/** FastAP and ∂FastAP/∂d_i, as Cakir et al. define them, with the authors' convention that a bin with nothing at or before it has zero gradient for positives. */
export function fastAP(distances: ArrayLike<number>, relevant: ArrayLike<number>, bins: number, maxDistance = 4) {
  const width = maxDistance / bins;
  const centres = Array.from({ length: bins + 1 }, (_, l) => l * width);
  const n = distances.length;
  const isPositive = (i: number) => relevant[i] === 1;
  const nPos = Array.from({ length: n }, (_, i) => i).filter(isPositive).length;
  const hPos = centres.map((z) => Array.from(distances).reduce((s, d, i) => s + (isPositive(i) ? triangle(d, z, width) : 0), 0));
  const hNeg = centres.map((z) => Array.from(distances).reduce((s, d, i) => s + (isPositive(i) ? 0 : triangle(d, z, width)), 0));
  const cumulative = (h: number[]) => h.map((_, l) => h.slice(0, l + 1).reduce((s, v) => s + v, 0));
  const HPos = cumulative(hPos);
  const H = cumulative(hPos.map((p, l) => p + hNeg[l]!));
  const ratio = (l: number, top: number) => (H[l]! > 0 ? top / H[l]! ** 2 : 0);
  const value = centres.reduce((s, _, l) => s + (H[l]! > 0 ? (hPos[l]! * HPos[l]!) / H[l]! : 0), 0) / nPos;
  const dPos = centres.map((_, l) => {
    if (!(H[l]! > 0)) return 0;
    let later = 0;
    for (let j = l + 1; j <= bins; j++) later += ratio(j, hPos[j]! * (H[j]! - HPos[j]!));
    return (ratio(l, HPos[l]! * H[l]! + hPos[l]! * (H[l]! - HPos[l]!)) + later) / nPos;
  });
  const dNeg = centres.map((_, l) => {
    let sum = 0;
    for (let j = l; j <= bins; j++) sum += ratio(j, hPos[j]! * HPos[j]!);
    return -sum / nPos;
  });
  const gradient = Array.from(distances, (d, i) => centres.reduce((s, z, l) => s + triangleSlope(d, z, width) * (isPositive(i) ? dPos[l]! : dNeg[l]!), 0));
  return { fastAP: value, histogramPositive: hPos, histogramNegative: hNeg, gradient };
}

/** Ranked List Loss of one query as the paper writes it: sets P* and N*, L_P the mean hinge over P*, L_N the exp(T(α − d))-weighted mean over N*. */
export function rankedList(distances: ArrayLike<number>, relevant: ArrayLike<number>, o: { alpha: number; margin: number; temperature: number }) {
  const items = Array.from(distances, (d, i) => ({ d, positive: relevant[i] === 1, i }));
  const hardPositives = items.filter((it) => it.positive && it.d > o.alpha - o.margin);
  const hardNegatives = items.filter((it) => !it.positive && it.d < o.alpha);
  const raw = hardNegatives.map((it) => Math.exp(o.temperature * (o.alpha - it.d)));
  const sum = raw.reduce((s, w) => s + w, 0);
  const weights = new Array<number>(items.length).fill(0);
  hardPositives.forEach((it) => (weights[it.i] = 1 / hardPositives.length));
  hardNegatives.forEach((it, k) => (weights[it.i] = raw[k]! / sum));
  const lossPositive = hardPositives.reduce((s, it) => s + (it.d - (o.alpha - o.margin)) / hardPositives.length, 0);
  const lossNegative = hardNegatives.reduce((s, it, k) => s + (raw[k]! / sum) * (o.alpha - it.d), 0);
  return { loss: lossPositive + lossNegative, lossPositive, lossNegative, weights };
}
