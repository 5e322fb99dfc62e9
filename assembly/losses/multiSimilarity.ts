// Pair weights of the Multi-Similarity loss (Wang et al., "Multi-Similarity
// Loss with General Pair Weighting for Deep Metric Learning", CVPR 2019) over a
// whole similarity matrix, for the figures. The mining, the loss and the weights
// are those of assembly/pairs/multiSimilarity.ts, which the metric head shares.
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';
import { anchorLoss, keptPair, mine, pairWeight, startAnchor, sum } from '../pairs/multiSimilarity';

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
    // Anchor i's pairs are row i of the matrix, itself left out.
    startAnchor();
    mine(row, 4, labels, n, yi, i);
    sum(row, 4, labels, n, yi, i, a, b, l, eps);
    storeF32(loss, i, <f32>anchorLoss(a, b));
    for (let j = 0; j < n; j++) {
      storeF32(out, j, 0);
      if (j == i) continue;
      const same = loadI32(labels, j) == yi;
      const s = <f64>loadF32(row, j);
      if (keptPair(same, s, eps)) storeF32(out, j, <f32>pairWeight(same, s, a, b, l));
    }
  }
}
