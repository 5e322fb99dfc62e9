// Multi-Similarity loss (Wang et al., CVPR 2019) for the metric head: each
// support is an anchor; its batch is the other supports (frozen, so their pairs
// only mine and weigh) and the class proxies (trained). The mining and the
// weights are those of assembly/losses/multiSimilarity.ts.
// see: Wang et al. 2019, the pair mining (ε) and the loss with α, β, λ; its
// gradient is −w⁺_ij for a kept positive and +w⁻_ik for a kept negative, the
// pair weights of assembly/losses/multiSimilarity.ts.
import { kept } from '../losses/multiSimilarity';
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';

/**
 * gram: n × n support similarities; cos, grad: m × n (proxy × support);
 * proxyClass: the class of each proxy. Returns the mean loss and fills grad.
 */
export function multiSimilarityHeadLoss(gram: usize, cos: usize, grad: usize, labels: usize, proxyClass: usize, n: i32, m: i32, alpha: f64, beta: f64, lambda: f64, epsilon: f64): f64 {
  const inverseN = 1 / <f64>n;
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const y = loadI32(labels, i);
    const pairs = rowAt(gram, i, n);
    let hardestPositive = Infinity;
    let hardestNegative = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const s = <f64>loadF32(pairs, j);
      if (loadI32(labels, j) == y) hardestPositive = min(hardestPositive, s);
      else hardestNegative = max(hardestNegative, s);
    }
    for (let r = 0; r < m; r++) {
      const s = <f64>loadF32(rowAt(cos, r, n), i);
      if (loadI32(proxyClass, r) == y) hardestPositive = min(hardestPositive, s);
      else hardestNegative = max(hardestNegative, s);
    }
    let positiveSum: f64 = 0;
    let negativeSum: f64 = 0;
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const same = loadI32(labels, j) == y;
      const s = <f64>loadF32(pairs, j);
      if (!kept(same, s, hardestPositive, hardestNegative, epsilon)) continue;
      if (same) positiveSum += Math.exp(-alpha * (s - lambda));
      else negativeSum += Math.exp(beta * (s - lambda));
    }
    for (let r = 0; r < m; r++) {
      const same = loadI32(proxyClass, r) == y;
      const s = <f64>loadF32(rowAt(cos, r, n), i);
      if (!kept(same, s, hardestPositive, hardestNegative, epsilon)) continue;
      if (same) positiveSum += Math.exp(-alpha * (s - lambda));
      else negativeSum += Math.exp(beta * (s - lambda));
    }
    total += Math.log1p(positiveSum) / alpha + Math.log1p(negativeSum) / beta;
    for (let r = 0; r < m; r++) {
      const same = loadI32(proxyClass, r) == y;
      const s = <f64>loadF32(rowAt(cos, r, n), i);
      let g: f64 = 0;
      if (kept(same, s, hardestPositive, hardestNegative, epsilon)) {
        g = same ? -Math.exp(-alpha * (s - lambda)) / (1 + positiveSum) : Math.exp(beta * (s - lambda)) / (1 + negativeSum);
      }
      storeF32(rowAt(grad, r, n), i, <f32>(g * inverseN));
    }
  }
  return total * inverseN;
}
