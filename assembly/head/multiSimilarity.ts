// Multi-Similarity loss (Wang et al., CVPR 2019) for the metric head: each
// support is an anchor; its batch is the other supports (frozen, so their pairs
// only mine and weigh) and the class proxies (trained).
// see: Wang et al. 2019, the pair mining (ε) and the loss with α, β, λ; its
// gradient is −w⁺_ij for a kept positive and +w⁻_ik for a kept negative. The
// mining, the loss and the weights are those of assembly/pairs/multiSimilarity.ts,
// which the figures' kernel shares.
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';
import { anchorLoss, keptPair, mine, pairWeight, startAnchor, sum } from '../pairs/multiSimilarity';

/**
 * gram: n × n support similarities; cos, grad: m × n (proxy × support);
 * proxyClass: the class of each proxy. Returns the mean loss and fills grad.
 */
export function multiSimilarityHeadLoss(gram: usize, cos: usize, grad: usize, labels: usize, proxyClass: usize, n: i32, m: i32, alpha: f64, beta: f64, lambda: f64, epsilon: f64): f64 {
  const inverseN = 1 / <f64>n;
  const column = <usize>n << 2;
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const y = loadI32(labels, i);
    // Anchor i's pairs are two runs: row i of the Gram matrix (itself left out), then column i of the cosines.
    const supports = rowAt(gram, i, n);
    const proxies = cos + (<usize>i << 2);
    startAnchor();
    mine(supports, 4, labels, n, y, i);
    mine(proxies, column, proxyClass, m, y, -1);
    sum(supports, 4, labels, n, y, i, alpha, beta, lambda, epsilon);
    sum(proxies, column, proxyClass, m, y, -1, alpha, beta, lambda, epsilon);
    total += anchorLoss(alpha, beta);
    for (let r = 0; r < m; r++) {
      const same = loadI32(proxyClass, r) == y;
      const s = <f64>loadF32(rowAt(cos, r, n), i);
      let g: f64 = 0;
      if (keptPair(same, s, epsilon)) {
        const w = pairWeight(same, s, alpha, beta, lambda);
        g = same ? -w : w;
      }
      storeF32(rowAt(grad, r, n), i, <f32>(g * inverseN));
    }
  }
  return total * inverseN;
}
