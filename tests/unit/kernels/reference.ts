/**
 * Plain TypeScript versions of every kernel, written for clarity and computed
 * in float64. They are the oracle the WASM kernels are tested against; nothing
 * in the product calls them.
 */
import type { Matrix } from '../../../src/lib/kernels/matrix.ts';
import { POINCARE_MAX_NORM, SNR_MIN_VARIANCE } from '../../../assembly/distances/ids.ts';
import type { Metric } from '../../../src/lib/kernels/metrics.ts';
import type { Normalization } from '../../../src/lib/kernels/normalize.ts';

const rowsOf = (m: Matrix): number[][] =>
  Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
const toMatrix = (rows: number[][], cols: number): Matrix => ({
  data: Float32Array.from(rows.flat()),
  rows: rows.length,
  cols,
});

const dot = (a: number[], b: number[]) => a.reduce((sum, x, k) => sum + x * b[k]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const variance = (a: number[]) => {
  const m = mean(a);
  return a.reduce((s, x) => s + (x - m) ** 2, 0) / a.length;
};

/** The exponential map at the origin of the Poincaré ball, with the norm clamped below 1. */
export function toPoincareBall(x: number[]): number[] {
  const n = norm(x);
  if (n === 0) return x.map(() => 0);
  const mapped = Math.min(Math.tanh(n), POINCARE_MAX_NORM);
  return x.map((v) => (v * mapped) / n);
}

export const referenceDistance: Record<Metric, (q: number[], p: number[]) => number> = {
  euclidean: (q, p) => q.reduce((s, x, k) => s + (x - p[k]!) ** 2, 0),
  cosine: (q, p) => {
    const scale = norm(q) * norm(p);
    return scale === 0 ? 1 : 1 - Math.min(Math.max(dot(q, p) / scale, -1), 1);
  },
  snr: (q, p) => variance(p.map((x, k) => x - q[k]!)) / Math.max(variance(q), SNR_MIN_VARIANCE),
  poincare: (q, p) => {
    const u = toPoincareBall(q);
    const v = toPoincareBall(p);
    const gap = u.reduce((s, x, k) => s + (x - v[k]!) ** 2, 0);
    return Math.acosh(1 + (2 * gap) / ((1 - dot(u, u)) * (1 - dot(v, v))));
  },
};

export function distances(metric: Metric, queries: Matrix, prototypes: Matrix): Matrix {
  const ps = rowsOf(prototypes);
  return toMatrix(
    rowsOf(queries).map((q) => ps.map((p) => referenceDistance[metric](q, p))),
    prototypes.rows,
  );
}

export function rowDistances(metric: Metric, a: Matrix, b: Matrix): Float32Array {
  const bs = rowsOf(b);
  return Float32Array.from(rowsOf(a).map((row, i) => referenceDistance[metric](row, bs[i]!)));
}

export function columnMean(m: Matrix): Float32Array {
  const rows = rowsOf(m);
  return Float32Array.from({ length: m.cols }, (_, k) => mean(rows.map((r) => r[k]!)));
}

export function normalize(m: Matrix, mode: Normalization, centre?: Float32Array): Matrix {
  if (mode === 'none') return { data: m.data.slice(), rows: m.rows, cols: m.cols };
  const mu = mode === 'cl2n' ? Array.from(centre ?? columnMean(m)) : undefined;
  const rows = rowsOf(m).map((row) => {
    const centred = mu ? row.map((x, k) => x - mu[k]!) : row;
    const n = norm(centred);
    return n === 0 ? centred : centred.map((x) => x / n);
  });
  return toMatrix(rows, m.cols);
}

export function prototypes(embeddings: Matrix, labels: ArrayLike<number>, classes: number, weights?: ArrayLike<number>) {
  const rows = rowsOf(embeddings);
  const sums = Array.from({ length: classes }, () => new Array<number>(embeddings.cols).fill(0));
  const mass = new Array<number>(classes).fill(0);
  rows.forEach((row, i) => {
    const w = weights ? weights[i]! : 1;
    const c = labels[i]!;
    row.forEach((x, k) => (sums[c]![k]! += w * x));
    mass[c]! += w;
  });
  return {
    prototypes: toMatrix(
      sums.map((sum, c) => sum.map((x) => (mass[c]! > 0 ? x / mass[c]! : 0))),
      embeddings.cols,
    ),
    mass: Float32Array.from(mass),
  };
}

export function probabilities(d: Matrix, temperature = 1): Matrix {
  return toMatrix(
    rowsOf(d).map((row) => {
      const logits = row.map((x) => -x / temperature);
      const top = Math.max(...logits);
      const shifted = logits.map((l) => Math.exp(l - top));
      const total = shifted.reduce((s, e) => s + e, 0);
      return shifted.map((e) => e / total);
    }),
    d.cols,
  );
}

export function nearest(d: Matrix): { index: Int32Array; distance: Float32Array } {
  const rows = rowsOf(d);
  const index = Int32Array.from(rows.map((row) => row.indexOf(Math.min(...row))));
  return { index, distance: Float32Array.from(rows.map((row, i) => row[index[i]!]!)) };
}

/** Distances from each support to its class mean computed without it; NaN for a class of one. */
export function leaveOneOutRows(metric: Metric, supports: Matrix, labels: ArrayLike<number>): number[] {
  const rows = rowsOf(supports);
  return rows.map((row, i) => {
    const others = rows.filter((_, j) => j !== i && labels[j] === labels[i]);
    if (others.length === 0) return Number.NaN;
    const centre = row.map((_, k) => mean(others.map((r) => r[k]!)));
    return referenceDistance[metric](row, centre);
  });
}

/** The same without the classes of one: what the open-set threshold is computed from. */
export function leaveOneOutDistances(metric: Metric, supports: Matrix, labels: ArrayLike<number>): number[] {
  return leaveOneOutRows(metric, supports, labels).filter((d) => !Number.isNaN(d));
}

export function refine(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, unlabeled: Matrix, iterations: number, temperature = 1): Matrix {
  return refineWithMass(metric, supports, labels, classes, unlabeled, iterations, temperature).prototypes;
}

/** Refined prototypes and the mass each was divided by in the last step (the labeled count when no step is taken). */
export function refineWithMass(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, unlabeled: Matrix, iterations: number, temperature = 1): { prototypes: Matrix; mass: number[] } {
  const labeled = prototypes(supports, labels, classes);
  const counts = Array.from(labeled.mass);
  const labeledSums = rowsOf(labeled.prototypes).map((p, c) => p.map((x) => x * counts[c]!));
  const free = rowsOf(unlabeled);
  let protos = labeled.prototypes;
  let masses = counts;
  for (let step = 0; step < iterations; step++) {
    const z = rowsOf(probabilities(distances(metric, unlabeled, protos), temperature));
    masses = counts.map((count, c) => count + z.reduce((s, zj) => s + zj[c]!, 0));
    protos = toMatrix(
      labeledSums.map((sum, c) => sum.map((x, k) => (x + free.reduce((s, row, j) => s + z[j]![c]! * row[k]!, 0)) / masses[c]!)),
      supports.cols,
    );
  }
  return { prototypes: protos, mass: masses };
}

/** Top two principal directions by eigen-decomposition of the covariance (Jacobi rotations), not power iteration. */
export function project2d(m: Matrix): { coords: Float32Array; components: Matrix; variances: [number, number] } {
  const rows = rowsOf(m);
  const mu = Array.from(columnMean(m));
  const centred = rows.map((r) => r.map((x, k) => x - mu[k]!));
  const d = m.cols;
  const cov = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => centred.reduce((s, r) => s + r[a]! * r[b]!, 0) / Math.max(rows.length - 1, 1)),
  );
  const { values, vectors } = jacobiEigen(cov);
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
  const components = order.slice(0, 2).map(([, i]) => {
    const v = vectors.map((row) => row[i]!);
    const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    return largest < 0 ? v.map((x) => -x) : v;
  });
  const coords = centred.flatMap((r) => components.map((c) => dot(r, c)));
  return {
    coords: Float32Array.from(coords),
    components: toMatrix(components, d),
    variances: [order[0]![0], order[1]![0]],
  };
}

function jacobiEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let scale = 0;
  for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) scale += m[p]![q]! ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! ** 2;
    if (off <= 1e-30 * scale) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p]![q]!) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * m[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k]![p]!;
          const mkq = m[k]![q]!;
          m[k]![p] = c * mkp - s * mkq;
          m[k]![q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p]![k]!;
          const mqk = m[q]![k]!;
          m[p]![k] = c * mpk - s * mqk;
          m[q]![k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]!), vectors: v };
}

/** Circle loss of one pair and its gradient with α held constant (Sun et al., 2020). */
export function circleLoss(sn: number, sp: number, margin: number, scale: number): { loss: number; gradN: number; gradP: number } {
  const alphaN = Math.max(sn + margin, 0);
  const alphaP = Math.max(1 + margin - sp, 0);
  const z = scale * (alphaN * (sn - margin) - alphaP * (sp - (1 - margin)));
  const sigmoid = 1 / (1 + Math.exp(-z));
  return { loss: Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), gradN: sigmoid * scale * alphaN, gradP: -sigmoid * scale * alphaP };
}

/** Multi-Similarity weights written as in the paper: 1 / (self-similarity term + relative-similarity sum). */
export function multiSimilarityWeights(sim: Matrix, labels: ArrayLike<number>, o: { alpha: number; beta: number; lambda: number; epsilon: number }): { weights: Float32Array; loss: Float32Array } {
  const n = sim.rows;
  const s = (i: number, j: number) => sim.data[i * n + j]!;
  const weights = new Float32Array(n * n);
  const loss = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const others = [...Array(n).keys()].filter((j) => j !== i);
    const positives = others.filter((j) => labels[j] === labels[i]);
    const negatives = others.filter((j) => labels[j] !== labels[i]);
    const hardestPositive = Math.min(...positives.map((j) => s(i, j)));
    const hardestNegative = Math.max(...negatives.map((k) => s(i, k)));
    const keptP = positives.filter((j) => s(i, j) - o.epsilon < hardestNegative);
    const keptN = negatives.filter((k) => s(i, k) + o.epsilon > hardestPositive);
    for (const j of keptP) weights[i * n + j] = 1 / (Math.exp(-o.alpha * (o.lambda - s(i, j))) + keptP.reduce((t, k) => t + Math.exp(-o.alpha * (s(i, k) - s(i, j))), 0));
    for (const k of keptN) weights[i * n + k] = 1 / (Math.exp(o.beta * (o.lambda - s(i, k))) + keptN.reduce((t, m) => t + Math.exp(o.beta * (s(i, m) - s(i, k))), 0));
    loss[i] =
      Math.log(1 + keptP.reduce((t, j) => t + Math.exp(-o.alpha * (s(i, j) - o.lambda)), 0)) / o.alpha +
      Math.log(1 + keptN.reduce((t, k) => t + Math.exp(o.beta * (s(i, k) - o.lambda)), 0)) / o.beta;
  }
  return { weights, loss };
}

/** Sliced W₂ by sorting each projection with Array.prototype.sort. */
export function slicedWasserstein(a: Matrix, b: Matrix, directions: Matrix): { distance: number; perDirection: number[] } {
  const project = (m: Matrix, d: number) =>
    Array.from({ length: m.rows }, (_, i) => {
      let s = 0;
      for (let k = 0; k < m.cols; k++) s += m.data[i * m.cols + k]! * directions.data[d * directions.cols + k]!;
      return s;
    }).sort((x, y) => x - y);
  const perDirection = Array.from({ length: directions.rows }, (_, d) => {
    const pa = project(a, d);
    const pb = project(b, d);
    return pa.reduce((t, x, i) => t + (x - pb[i]!) ** 2, 0) / pa.length;
  });
  return { distance: Math.sqrt(perDirection.reduce((t, v) => t + v, 0) / perDirection.length), perDirection };
}
