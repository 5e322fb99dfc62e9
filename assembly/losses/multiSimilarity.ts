// Pair weights of the Multi-Similarity loss (Wang et al., "Multi-Similarity
// Loss with General Pair Weighting for Deep Metric Learning", CVPR 2019).
// For anchor i with positives P_i and negatives N_i, after mining
//   keep negative k if S_ik + ε > min_{j ∈ P_i} S_ij,
//   keep positive j if S_ij − ε < max_{k ∈ N_i} S_ik,
// the weights are the loss's gradient magnitudes
//   w⁻_ik = 1 / (e^{β(λ − S_ik)} + Σ_{k' ∈ N̂_i} e^{β(S_ik' − S_ik)})
//   w⁺_ij = 1 / (e^{−α(λ − S_ij)} + Σ_{j' ∈ P̂_i} e^{−α(S_ij' − S_ij)})
// (self-similarity in the first term, relative similarity in the sum), and
//   L_i = (1/α) log(1 + Σ_{P̂_i} e^{−α(S_ij − λ)}) + (1/β) log(1 + Σ_{N̂_i} e^{β(S_ik − λ)}).
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';

@inline export function kept(same: bool, s: f64, hardestPositive: f64, hardestNegative: f64, epsilon: f64): bool {
  return same ? s - epsilon < hardestNegative : s + epsilon > hardestPositive;
}

/**
 * sim: n × n similarities; labels: n class ids. weights (n × n) gets w⁺ for
 * kept positive pairs, w⁻ for kept negative pairs and 0 elsewhere (the diagonal
 * and pairs the mining drops); loss (n) gets L_i.
 */
export function multiSimilarityWeights(sim: usize, labels: usize, n: i32, alpha: f32, beta: f32, lambda: f32, epsilon: f32, weights: usize, loss: usize): void {
  const a = <f64>alpha;
  const b = <f64>beta;
  const l = <f64>lambda;
  const eps = <f64>epsilon;
  for (let i = 0; i < n; i++) {
    const row = rowAt(sim, i, n);
    const out = rowAt(weights, i, n);
    const yi = loadI32(labels, i);
    let hardestPositive = Infinity;
    let hardestNegative = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const s = <f64>loadF32(row, j);
      if (loadI32(labels, j) == yi) hardestPositive = min(hardestPositive, s);
      else hardestNegative = max(hardestNegative, s);
    }
    let positiveSum: f64 = 0;
    let negativeSum: f64 = 0;
    for (let j = 0; j < n; j++) {
      storeF32(out, j, 0);
      if (j == i) continue;
      const same = loadI32(labels, j) == yi;
      const s = <f64>loadF32(row, j);
      if (!kept(same, s, hardestPositive, hardestNegative, eps)) continue;
      if (same) positiveSum += Math.exp(-a * (s - l));
      else negativeSum += Math.exp(b * (s - l));
    }
    storeF32(loss, i, <f32>(Math.log1p(positiveSum) / a + Math.log1p(negativeSum) / b));
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const same = loadI32(labels, j) == yi;
      const s = <f64>loadF32(row, j);
      if (!kept(same, s, hardestPositive, hardestNegative, eps)) continue;
      // 1 / (e^{∓(λ − s)} + Σ e^{±(s' − s)}) = e^{±(s − λ)} / (1 + Σ e^{±(s' − λ)}), the form that cannot overflow here.
      const w = same ? Math.exp(-a * (s - l)) / (1 + positiveSum) : Math.exp(b * (s - l)) / (1 + negativeSum);
      storeF32(out, j, <f32>w);
    }
  }
}
