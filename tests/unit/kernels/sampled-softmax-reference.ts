import type { Matrix } from '../../../src/lib/kernels/index.ts';

/** The full and sampled softmax gradients in plain f64 TypeScript, from the formulas (see assembly/sampledSoftmax.ts). */
export function gradients(labels: Matrix, input: ArrayLike<number>, target: number, negatives: ArrayLike<number>, m: number, logCorrection: number) {
  const dim = labels.cols;
  const w = (l: number) => Array.from(labels.data.subarray(l * dim, (l + 1) * dim));
  const score = (l: number) => w(l).reduce((s, v, k) => s + v * input[k]!, 0);
  /** Σ_j p_j w_j − w_target over the labels `among`, with logits `logit(j)`. */
  const gradient = (among: number[], logit: (j: number) => number) => {
    const top = Math.max(...among.map(logit));
    const e = among.map((j) => Math.exp(logit(j) - top));
    const total = e.reduce((s, v) => s + v, 0);
    const g = w(target).map((v) => -v);
    among.forEach((j, i) => w(j).forEach((v, k) => (g[k]! += (e[i]! / total) * v)));
    return g;
  };
  const full = gradient(Array.from({ length: labels.rows }, (_, l) => l), score);
  const draws = negatives.length / m;
  const each = Array.from({ length: draws }, (_, d) => {
    const drawn = Array.from({ length: m }, (_, r) => negatives[d * m + r]!);
    return gradient([target, ...drawn], (j) => (j === target ? score(j) : score(j) - logCorrection));
  });
  // Every index in a draw but the first is a negative, even if it repeats the target's value.
  const mean = full.map((_, k) => each.reduce((s, g) => s + g[k]!, 0) / draws);
  const bias = Math.hypot(...mean.map((v, k) => v - full[k]!));
  const spread = Math.sqrt(each.reduce((s, g) => s + g.reduce((t, v, k) => t + (v - mean[k]!) ** 2, 0), 0) / draws);
  return { full, each, bias, spread };
}
