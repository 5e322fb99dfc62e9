// SoftTriple loss (Qian et al., "SoftTriple Loss: Deep Metric Learning Without
// Triplet Sampling", ICCV 2019): K centres per class; a support's similarity to
// a class is a soft maximum over its centres.
// see: Qian et al. 2019, the relaxed similarity over a class's centres and the
// SoftTriple loss with scale λ, entropy γ and margin δ; the paper's regulariser
// that merges centres is not used (τ = 0): the head keeps a fixed K.
//   q_k = softmax_k(cos_{c,k,i} / γ),  S_{i,c} = Σ_k q_k cos_{c,k,i}
//   L_i = −log( e^{λ(S_{i,y} − δ)} / (e^{λ(S_{i,y} − δ)} + Σ_{c≠y} e^{λ S_{i,c}}) )
//   ∂S_{i,c}/∂cos_{c,k,i} = q_k (1 + (cos_{c,k,i} − S_{i,c}) / γ)
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';

/** Σ_k q_k cos_k over the K centres of class c for support i; writes q_k into `weights`. */
@inline function relaxed(cos: usize, n: i32, i: i32, c: i32, centres: i32, gamma: f64, weights: usize): f64 {
  let best = -Infinity;
  for (let k = 0; k < centres; k++) best = max(best, <f64>loadF32(rowAt(cos, c * centres + k, n), i));
  let sum: f64 = 0;
  for (let k = 0; k < centres; k++) sum += Math.exp((<f64>loadF32(rowAt(cos, c * centres + k, n), i) - best) / gamma);
  let similarity: f64 = 0;
  for (let k = 0; k < centres; k++) {
    const s = <f64>loadF32(rowAt(cos, c * centres + k, n), i);
    const q = Math.exp((s - best) / gamma) / sum;
    storeF32(weights, k, <f32>q);
    similarity += q * s;
  }
  return similarity;
}

/**
 * cos, grad: (classes·K) × n, centre k of class c in row c·K + k. `scratch`
 * holds classes + K floats. Returns the mean loss and fills grad.
 */
export function softTripleLoss(cos: usize, grad: usize, labels: usize, n: i32, classes: i32, centres: i32, lambda: f64, gamma: f64, delta: f64, scratch: usize): f64 {
  const similarity = scratch;
  const weights = scratch + (<usize>classes << 2);
  const inverseN = 1 / <f64>n;
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const y = loadI32(labels, i);
    let best = -Infinity;
    for (let c = 0; c < classes; c++) {
      const logit = lambda * (relaxed(cos, n, i, c, centres, gamma, weights) - (c == y ? delta : 0));
      storeF32(similarity, c, <f32>logit);
      best = max(best, logit);
    }
    let sum: f64 = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(<f64>loadF32(similarity, c) - best);
    const logSum = best + Math.log(sum);
    total += logSum - <f64>loadF32(similarity, y);
    for (let c = 0; c < classes; c++) {
      const dS = lambda * (Math.exp(<f64>loadF32(similarity, c) - logSum) - (c == y ? 1.0 : 0.0)) * inverseN;
      const s = relaxed(cos, n, i, c, centres, gamma, weights);
      for (let k = 0; k < centres; k++) {
        const row = rowAt(cos, c * centres + k, n);
        const q = <f64>loadF32(weights, k);
        storeF32(rowAt(grad, c * centres + k, n), i, <f32>(dS * q * (1 + (<f64>loadF32(row, i) - s) / gamma)));
      }
    }
  }
  return total * inverseN;
}

/** Class similarities of queries (rows of `cos`, q × classes·K) for scoring with a trained head: out is q × classes. */
export function softTripleSimilarity(cos: usize, queries: i32, classes: i32, centres: i32, gamma: f64, out: usize): void {
  const m = classes * centres;
  for (let i = 0; i < queries; i++) {
    const row = rowAt(cos, i, m);
    for (let c = 0; c < classes; c++) {
      let best = -Infinity;
      for (let k = 0; k < centres; k++) best = max(best, <f64>loadF32(row, c * centres + k));
      let sum: f64 = 0;
      let weighted: f64 = 0;
      for (let k = 0; k < centres; k++) {
        const s = <f64>loadF32(row, c * centres + k);
        const e = Math.exp((s - best) / gamma);
        sum += e;
        weighted += e * s;
      }
      storeF32(rowAt(out, i, classes), c, <f32>(weighted / sum));
    }
  }
}
