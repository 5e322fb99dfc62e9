// The gradient of softmax cross-entropy with respect to an input embedding u,
// over every label and over sampled negatives (the large-output-spaces topic):
//   full:    g = Σ_ℓ p_ℓ w_ℓ − w_y,   p = softmax(⟨w_ℓ, u⟩) over all labels;
//   sampled: ĝ = Σ_{j ∈ {y} ∪ S} p̂_j w_j − w_y, p̂ = softmax over the target's
//            score and each sampled negative's score minus `logCorrection`
//            (log(m q) for a proposal q; log(m / (N − 1)) when uniform),
// and, over the draws, the bias ‖E ĝ − g‖ and the spread √E‖ĝ − E ĝ‖².
import { loadF32, loadF64, loadI32, rowAt, storeF32, storeF64 } from './memory';

/** Bytes of scratch sampledSoftmaxGradients needs: every label's score (count), one draw's exponentials (m), the draws' summed gradient and one draw's (dim each), all f64. */
export function sampledSoftmaxScratchBytes(count: i32, m: i32, dim: i32): usize {
  return (<usize>count + <usize>m + 2 * <usize>dim) << 3;
}

@inline function score(labels: usize, label: i32, dim: i32, input: usize): f64 {
  const row = rowAt(labels, label, dim);
  let s: f64 = 0;
  for (let k = 0; k < dim; k++) s += <f64>loadF32(row, k) * <f64>loadF32(input, k);
  return s;
}

/** gradient += weight · w_label */
@inline function accumulate(gradient: usize, labels: usize, label: i32, dim: i32, weight: f64): void {
  const row = rowAt(labels, label, dim);
  for (let k = 0; k < dim; k++) storeF64(gradient, k, loadF64(gradient, k) + weight * <f64>loadF32(row, k));
}

/**
 * labels: count × dim label embeddings; input: u (dim); negatives: draws × m
 * label indices (never the target). full (dim f32) gets g, each (draws × dim
 * f32) every draw's ĝ, moments (2 f32) the bias and the spread.
 */
export function sampledSoftmaxGradients(labels: usize, count: i32, dim: i32, input: usize, target: i32, negatives: usize, draws: i32, m: i32, logCorrection: f64, full: usize, each: usize, moments: usize, scratch: usize): void {
  const scores = scratch;
  const exps = scores + (<usize>count << 3);
  const sum = exps + (<usize>m << 3);
  const current = sum + (<usize>dim << 3);
  // The full softmax, shifted by its largest score so that exp never overflows.
  let best = -Infinity;
  for (let l = 0; l < count; l++) {
    const s = score(labels, l, dim, input);
    storeF64(scores, l, s);
    best = max(best, s);
  }
  let total: f64 = 0;
  for (let l = 0; l < count; l++) total += Math.exp(loadF64(scores, l) - best);
  memory.fill(current, 0, <usize>dim << 3);
  for (let l = 0; l < count; l++) accumulate(current, labels, l, dim, Math.exp(loadF64(scores, l) - best) / total);
  accumulate(current, labels, target, dim, -1);
  for (let k = 0; k < dim; k++) storeF32(full, k, <f32>loadF64(current, k));

  memory.fill(sum, 0, <usize>dim << 3);
  let squares: f64 = 0;
  const targetScore = loadF64(scores, target);
  for (let d = 0; d < draws; d++) {
    const drawn = rowAt(negatives, d, m);
    let top = targetScore;
    for (let r = 0; r < m; r++) top = max(top, loadF64(scores, loadI32(drawn, r)) - logCorrection);
    let mass = Math.exp(targetScore - top);
    for (let r = 0; r < m; r++) {
      const e = Math.exp(loadF64(scores, loadI32(drawn, r)) - logCorrection - top);
      storeF64(exps, r, e);
      mass += e;
    }
    memory.fill(current, 0, <usize>dim << 3);
    accumulate(current, labels, target, dim, Math.exp(targetScore - top) / mass - 1);
    for (let r = 0; r < m; r++) accumulate(current, labels, loadI32(drawn, r), dim, loadF64(exps, r) / mass);
    const out = rowAt(each, d, dim);
    for (let k = 0; k < dim; k++) {
      const g = loadF64(current, k);
      storeF32(out, k, <f32>g);
      storeF64(sum, k, loadF64(sum, k) + g);
      squares += g * g;
    }
  }
  let bias: f64 = 0;
  let meanSquare: f64 = 0;
  for (let k = 0; k < dim; k++) {
    const mean = loadF64(sum, k) / draws;
    bias += (mean - <f64>loadF32(full, k)) * (mean - <f64>loadF32(full, k));
    meanSquare += mean * mean;
  }
  storeF32(moments, 0, <f32>Math.sqrt(bias));
  storeF32(moments, 1, <f32>Math.sqrt(max(0, squares / draws - meanSquare)));
}
