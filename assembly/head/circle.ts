// Circle loss (Sun et al., CVPR 2020) for the metric head, in its general form
// over several positives and negatives: each support is an anchor; the other
// supports (frozen) and the class proxies (trained) are its pairs.
// see: Sun et al. 2020, the unified loss over K positive and L negative
// similarities with self-paced weights α_p, α_n (held constant in back-propagation)
// and margins Δ_p = 1 − m, Δ_n = m (the weights and smooth functions are
// those of assembly/pairs/circle.ts, which the figures' kernel shares):
//   Z = log Σ_N e^{γ α_n (s_n − Δ_n)} + log Σ_P e^{−γ α_p (s_p − Δ_p)},  L = log(1 + e^Z)
//   ∂L/∂s_n = σ(Z) softmax_N(·) γ α_n,  ∂L/∂s_p = −σ(Z) softmax_P(·) γ α_p
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';
import { alphaNegative, alphaPositive, sigmoid, softplus } from '../pairs/circle';

/** The exponent of a pair's term: γ α_n (s − m) for a negative, −γ α_p (s − 1 + m) for a positive. */
@inline function term(same: bool, s: f64, margin: f64, gamma: f64): f64 {
  return same ? -gamma * alphaPositive(s, margin) * (s - (1 - margin)) : gamma * alphaNegative(s, margin) * (s - margin);
}

/**
 * The supports' own pairs never change in training (the embeddings are
 * frozen), so their part of each anchor's two log-sum-exps is computed once:
 * for anchor i, pairs[4i..4i+3] = largest positive term, Σ e^{term − largest}
 * over positives, and the same for negatives (−∞ and 0 when there are none).
 */
export function circleSupportPairs(gram: usize, labels: usize, n: i32, margin: f64, gamma: f64, pairs: usize): void {
  for (let i = 0; i < n; i++) {
    const y = loadI32(labels, i);
    const row = rowAt(gram, i, n);
    let topPositive = -Infinity;
    let topNegative = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const same = loadI32(labels, j) == y;
      const t = term(same, <f64>loadF32(row, j), margin, gamma);
      if (same) topPositive = max(topPositive, t);
      else topNegative = max(topNegative, t);
    }
    let positiveSum: f64 = 0;
    let negativeSum: f64 = 0;
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const same = loadI32(labels, j) == y;
      const t = term(same, <f64>loadF32(row, j), margin, gamma);
      if (same) positiveSum += Math.exp(t - topPositive);
      else negativeSum += Math.exp(t - topNegative);
    }
    const out = pairs + (<usize>(4 * i) << 2);
    storeF32(out, 0, <f32>topPositive);
    storeF32(out, 1, <f32>positiveSum);
    storeF32(out, 2, <f32>topNegative);
    storeF32(out, 3, <f32>negativeSum);
  }
}

/** Σ e^{t − top} over a side rescaled from `from` to a new largest term `top` (empty sides stay 0). */
@inline function rescaled(sum: f64, from: f64, top: f64): f64 {
  return sum == 0 ? 0 : sum * Math.exp(from - top);
}

/** cos, grad: m × n (proxy × support); pairs: from circleSupportPairs. Returns the mean loss and fills grad. */
export function circleHeadLoss(pairs: usize, cos: usize, grad: usize, labels: usize, proxyClass: usize, n: i32, m: i32, margin: f64, gamma: f64): f64 {
  const inverseN = 1 / <f64>n;
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const y = loadI32(labels, i);
    const own = pairs + (<usize>(4 * i) << 2);
    const supportTopPositive = <f64>loadF32(own, 0);
    const supportTopNegative = <f64>loadF32(own, 2);
    // Largest term of each side first, so that the sums of exponentials cannot overflow at large γ.
    let topPositive = supportTopPositive;
    let topNegative = supportTopNegative;
    for (let r = 0; r < m; r++) {
      const same = loadI32(proxyClass, r) == y;
      const t = term(same, <f64>loadF32(rowAt(cos, r, n), i), margin, gamma);
      if (same) topPositive = max(topPositive, t);
      else topNegative = max(topNegative, t);
    }
    let positiveSum = rescaled(<f64>loadF32(own, 1), supportTopPositive, topPositive);
    let negativeSum = rescaled(<f64>loadF32(own, 3), supportTopNegative, topNegative);
    for (let r = 0; r < m; r++) {
      const same = loadI32(proxyClass, r) == y;
      const t = term(same, <f64>loadF32(rowAt(cos, r, n), i), margin, gamma);
      if (same) positiveSum += Math.exp(t - topPositive);
      else negativeSum += Math.exp(t - topNegative);
    }
    const z = topNegative + Math.log(negativeSum) + topPositive + Math.log(positiveSum);
    total += softplus(z);
    const push = sigmoid(z) * inverseN;
    for (let r = 0; r < m; r++) {
      const same = loadI32(proxyClass, r) == y;
      const s = <f64>loadF32(rowAt(cos, r, n), i);
      const t = term(same, s, margin, gamma);
      const g = same
        ? (-push * Math.exp(t - topPositive) / positiveSum) * gamma * alphaPositive(s, margin)
        : (push * Math.exp(t - topNegative) / negativeSum) * gamma * alphaNegative(s, margin);
      storeF32(rowAt(grad, r, n), i, <f32>g);
    }
  }
  return total * inverseN;
}
