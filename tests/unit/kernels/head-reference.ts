// f64 oracle for the metric head, computed directly on the proxies in the
// embedding space (not in the kernels' coefficient form), so that agreement
// also checks the coefficient trick of assembly/head/train.ts.
import type { HeadLoss } from '../../../src/lib/kernels/index.ts';

export type Rows = number[][];

const dot = (a: number[], b: number[]) => a.reduce((s, x, k) => s + x * b[k]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const logSumExp = (values: number[]) => {
  const top = Math.max(...values);
  return top + Math.log(values.reduce((s, v) => s + Math.exp(v - top), 0));
};

export interface HeadProblem {
  x: Rows;
  labels: number[];
  classes: number;
  centres: number;
  loss: HeadLoss;
  params: number[];
}

/** Circle's α weights held fixed at some point, so that finite differences see the gradient the paper back-propagates. */
export type FrozenAlphas = Map<string, number>;

/** The mean loss and ∂L/∂cos (m × n) from the cosine matrix cos[r][i]. */
export function lossOfCosines(p: HeadProblem, cos: Rows, frozen?: FrozenAlphas): { loss: number; grad: Rows; alphas: FrozenAlphas } {
  const n = p.x.length;
  const owner = (r: number) => Math.floor(r / p.centres);
  const grad = cos.map((row) => row.map(() => 0));
  const alphas: FrozenAlphas = new Map();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = p.labels[i]!;
    if (p.loss === 'norm-softmax') {
      const [s] = p.params as [number];
      const logits = cos.map((row) => s * row[i]!);
      const lse = logSumExp(logits);
      total += lse - logits[y]!;
      logits.forEach((z, c) => (grad[c]![i] = (s * (Math.exp(z - lse) - (c === y ? 1 : 0))) / n));
    } else if (p.loss === 'soft-triple') {
      const [lambda, gamma, delta] = p.params as [number, number, number];
      const per = Array.from({ length: p.classes }, (_, c) => {
        const cs = Array.from({ length: p.centres }, (_, k) => cos[c * p.centres + k]![i]!);
        const lse = logSumExp(cs.map((v) => v / gamma));
        const q = cs.map((v) => Math.exp(v / gamma - lse));
        return { cs, q, s: dot(q, cs) };
      });
      const logits = per.map((c, k) => lambda * (c.s - (k === y ? delta : 0)));
      const lse = logSumExp(logits);
      total += lse - logits[y]!;
      per.forEach(({ cs, q, s }, c) => {
        const dS = (lambda * (Math.exp(logits[c]! - lse) - (c === y ? 1 : 0))) / n;
        cs.forEach((v, k) => (grad[c * p.centres + k]![i] = dS * q[k]! * (1 + (v - s) / gamma)));
      });
    } else {
      // Pairs of anchor i: the other supports (no gradient) and the proxies.
      const pairs = [
        ...p.x.flatMap((xj, j) => (j === i ? [] : [{ proxy: -1, same: p.labels[j] === y, s: dot(p.x[i]!, xj) }])),
        ...cos.map((row, r) => ({ proxy: r, same: owner(r) === y, s: row[i]! })),
      ];
      if (p.loss === 'multi-similarity') {
        const [alpha, beta, lambda, epsilon] = p.params as [number, number, number, number];
        const hardestPositive = Math.min(...pairs.filter((q) => q.same).map((q) => q.s));
        const hardestNegative = Math.max(...pairs.filter((q) => !q.same).map((q) => q.s));
        const kept = pairs.filter((q) => (q.same ? q.s - epsilon < hardestNegative : q.s + epsilon > hardestPositive));
        const pos = kept.filter((q) => q.same).reduce((s, q) => s + Math.exp(-alpha * (q.s - lambda)), 0);
        const neg = kept.filter((q) => !q.same).reduce((s, q) => s + Math.exp(beta * (q.s - lambda)), 0);
        total += Math.log1p(pos) / alpha + Math.log1p(neg) / beta;
        for (const q of kept) {
          if (q.proxy < 0) continue;
          grad[q.proxy]![i] = (q.same ? -Math.exp(-alpha * (q.s - lambda)) / (1 + pos) : Math.exp(beta * (q.s - lambda)) / (1 + neg)) / n;
        }
      } else {
        const [margin, gamma] = p.params as [number, number];
        const alpha = (q: (typeof pairs)[number], k: number) => {
          const key = `${i}:${k}`;
          const a = frozen?.get(key) ?? Math.max(q.same ? 1 + margin - q.s : q.s + margin, 0);
          alphas.set(key, a);
          return a;
        };
        const terms = pairs.map((q, k) => (q.same ? -gamma * alpha(q, k) * (q.s - (1 - margin)) : gamma * alpha(q, k) * (q.s - margin)));
        const positives = terms.filter((_, k) => pairs[k]!.same);
        const negatives = terms.filter((_, k) => !pairs[k]!.same);
        const lseP = logSumExp(positives);
        const lseN = logSumExp(negatives);
        const z = lseP + lseN;
        total += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        const sigma = 1 / (1 + Math.exp(-z));
        pairs.forEach((q, k) => {
          if (q.proxy < 0) return;
          const share = Math.exp(terms[k]! - (q.same ? lseP : lseN));
          grad[q.proxy]![i] = ((q.same ? -1 : 1) * sigma * share * gamma * alpha(q, k)) / n;
        });
      }
    }
  }
  return { loss: total / n, grad, alphas };
}

export function cosines(x: Rows, proxies: Rows): Rows {
  return proxies.map((pr) => x.map((xi) => dot(pr, xi) / norm(pr)));
}

/** The loss and its gradient with respect to the proxies themselves (m × d). */
export function headLoss(p: HeadProblem, proxies: Rows, frozen?: FrozenAlphas): { loss: number; gradient: Rows; alphas: FrozenAlphas } {
  const cos = cosines(p.x, proxies);
  const { loss, grad, alphas } = lossOfCosines(p, cos, frozen);
  const gradient = proxies.map((pr, r) => {
    const length = norm(pr);
    return pr.map((_, k) => p.x.reduce((s, xi, i) => s + grad[r]![i]! * (xi[k]! / length - (cos[r]![i]! * pr[k]!) / (length * length)), 0));
  });
  return { loss, gradient, alphas };
}

/** `steps` steps of SGD with momentum and weight decay on the proxies; returns the proxies and each step's loss. */
export function trainProxies(p: HeadProblem, start: Rows, rate: number, momentum: number, decay: number, steps: number): { proxies: Rows; losses: number[]; trajectory: Rows[] } {
  let proxies = start.map((r) => [...r]);
  const trajectory: Rows[] = [];
  const velocity = start.map((r) => r.map(() => 0));
  const losses: number[] = [];
  for (let t = 0; t < steps; t++) {
    const { loss, gradient } = headLoss(p, proxies);
    losses.push(loss);
    trajectory.push(proxies);
    proxies = proxies.map((pr, r) =>
      pr.map((v, k) => {
        velocity[r]![k] = momentum * velocity[r]![k]! + gradient[r]![k]! + decay * v;
        return v - rate * velocity[r]![k]!;
      }),
    );
  }
  return { proxies, losses, trajectory };
}

/** SoftTriple's relaxed class similarity of each query row of cosines (q × classes·K). */
export function softTripleSimilarity(cos: Rows, classes: number, centres: number, gamma: number): Rows {
  return cos.map((row) =>
    Array.from({ length: classes }, (_, c) => {
      const cs = row.slice(c * centres, (c + 1) * centres);
      const lse = logSumExp(cs.map((v) => v / gamma));
      return cs.reduce((s, v) => s + Math.exp(v / gamma - lse) * v, 0);
    }),
  );
}

/** Multi-Similarity only: how close any pair is to flipping in or out of the mining (float32 rounding decides ties). */
export function miningGap(p: HeadProblem, proxies: Rows): number {
  if (p.loss !== 'multi-similarity') return Infinity;
  const epsilon = p.params[3]!;
  const cos = cosines(p.x, proxies);
  let gap = Infinity;
  p.x.forEach((xi, i) => {
    const y = p.labels[i]!;
    const pairs = [
      ...p.x.flatMap((xj, j) => (j === i ? [] : [{ same: p.labels[j] === y, s: dot(xi, xj) }])),
      ...cos.map((row, r) => ({ same: Math.floor(r / p.centres) === y, s: row[i]! })),
    ];
    const hardestPositive = Math.min(...pairs.filter((q) => q.same).map((q) => q.s));
    const hardestNegative = Math.max(...pairs.filter((q) => !q.same).map((q) => q.s));
    for (const q of pairs) gap = Math.min(gap, Math.abs(q.same ? hardestNegative - (q.s - epsilon) : q.s + epsilon - hardestPositive));
  });
  return gap;
}
