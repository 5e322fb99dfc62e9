import type { Matrix } from '../../../src/lib/kernels/index.ts';
import type { PropagationOptions } from '../../../src/lib/kernels/propagation.ts';

/**
 * Label propagation in plain f64 TypeScript, written from the formulas rather
 * than from the kernel: k nearest neighbours (ties to the lower index), Gaussian
 * affinities, W = A + Aᵀ, S = D^(−1/2) W D^(−1/2), F ← α S F + (1 − α) Y.
 */
export function propagate(points: Matrix, labels: ArrayLike<number>, classes: number, { k, sigma, alpha, iterations }: PropagationOptions) {
  const n = points.rows;
  const row = (i: number) => Array.from(points.data.subarray(i * points.cols, (i + 1) * points.cols));
  const d2 = (i: number, j: number) => row(i).reduce((s, v, c) => s + (v - row(j)[c]!) ** 2, 0);
  const neighbours = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .sort((a, b) => d2(i, a) - d2(i, b) || a - b)
      .slice(0, k),
  );
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  neighbours.forEach((list, i) =>
    list.forEach((j) => {
      const a = Math.exp(-d2(i, j) / sigma ** 2);
      w[i]![j]! += a;
      w[j]![i]! += a;
    }),
  );
  const inverseRoot = w.map((r) => {
    const degree = r.reduce((s, v) => s + v, 0);
    return degree > 0 ? 1 / Math.sqrt(degree) : 0;
  });
  const s = w.map((r, i) => r.map((v, j) => v * inverseRoot[i]! * inverseRoot[j]!));
  const y = Array.from({ length: n }, (_, i) => Array.from({ length: classes }, (_, c): number => (labels[i] === c ? 1 : 0)));
  let f = y.map((r) => r.slice());
  for (let step = 0; step < iterations; step++) {
    f = f.map((_, i) => Array.from({ length: classes }, (_, c) => alpha * s[i]!.reduce((sum, v, j) => sum + v * f[j]![c]!, 0) + (1 - alpha) * y[i]![c]!));
  }
  return { scores: f, neighbours };
}
