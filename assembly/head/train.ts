// Training a metric head on frozen, unit-length support embeddings x_i: class
// proxies p_r trained by one of four losses with SGD, momentum and weight decay.
//
// Why coefficients: every proxy starts in the span of the supports (at a
// prototype, or between a prototype and a support), and every gradient of a
// cosine loss with respect to p_r is a combination of the x_i and p_r itself,
// as is weight decay. So p_r = Σ_i A_ri x_i holds exactly through training, and
// each step needs only the supports' Gram matrix G = X Xᵀ: p_r · x_i = (A G)_ri
// and ‖p_r‖² = Σ_i A_ri (A G)_ri. A step costs m·n² instead of 2·m·n·d — at
// 400 supports of 2,000 values, five times less. The dynamics are those of SGD
// on the proxies themselves (not on A): the coefficient update below is the
// Euclidean gradient ∂L/∂p_r written in the basis x_i.
//   ∂cos_ri/∂p_r = x_i / ‖p_r‖ − cos_ri p_r / ‖p_r‖²
//   ⇒ ∂L/∂p_r = Σ_i g_ri x_i / ‖p_r‖ − (Σ_i g_ri cos_ri) p_r / ‖p_r‖²,  g = ∂L/∂cos
import { dotMatrix, dot } from '../dot';
import { loadF32, rowAt, storeF32 } from '../memory';
import { circleHeadLoss, circleSupportPairs } from './circle';
import { CIRCLE, MIN_PROXY_NORM2, MULTI_SIMILARITY, NORM_SOFTMAX, SOFT_TRIPLE } from './ids';
import { multiSimilarityHeadLoss } from './multiSimilarity';
import { normSoftmaxLoss } from './normSoftmax';
import { softTripleLoss } from './softTriple';

/** G = X Xᵀ for n unit rows of `dim` values. */
export function headGram(x: usize, n: i32, dim: i32, out: usize): void {
  dotMatrix(x, n, x, n, dim, out);
}

/** Bytes of work space headTrain needs: cosines and their gradient (m × n each), m norms, the SoftTriple scratch and Circle's support pairs (4 n). */
export function headScratchBytes(n: i32, m: i32, classes: i32, centres: i32): i32 {
  return (2 * m * n + m + classes + centres + 4 * n) << 2;
}

/** Cosines of every proxy with every support (m × n), from the coefficients; writes 1/‖p_r‖ into `inverseNorms`. */
function cosines(gram: usize, coefficients: usize, n: i32, m: i32, cos: usize, inverseNorms: usize): void {
  dotMatrix(coefficients, m, gram, n, n, cos);
  for (let r = 0; r < m; r++) {
    const row = rowAt(cos, r, n);
    const inverse = 1 / Math.sqrt(max(<f64>dot(rowAt(coefficients, r, n), row, n), MIN_PROXY_NORM2));
    storeF32(inverseNorms, r, <f32>inverse);
    for (let i = 0; i < n; i++) storeF32(row, i, <f32>(<f64>loadF32(row, i) * inverse));
  }
}

/** One SGD-with-momentum step on the proxies, in coefficients. */
function descend(coefficients: usize, velocity: usize, cos: usize, grad: usize, inverseNorms: usize, n: i32, m: i32, rate: f64, momentum: f64, decay: f64): void {
  for (let r = 0; r < m; r++) {
    const a = rowAt(coefficients, r, n);
    const v = rowAt(velocity, r, n);
    const g = rowAt(grad, r, n);
    const inverse = <f64>loadF32(inverseNorms, r);
    const along = <f64>dot(g, rowAt(cos, r, n), n) * inverse * inverse;
    for (let i = 0; i < n; i++) {
      const ai = <f64>loadF32(a, i);
      const step = <f64>loadF32(g, i) * inverse - along * ai + decay * ai;
      const vi = momentum * <f64>loadF32(v, i) + step;
      storeF32(v, i, <f32>vi);
      storeF32(a, i, <f32>(ai - rate * vi));
    }
  }
}

/**
 * `steps` steps of training; each step's loss (before its update) goes to
 * `losses`. The proxy of row r belongs to class proxyClass[r]; SoftTriple
 * lays out `centres` rows per class, the others one. params: the loss's
 * hyper-parameters (NormSoftmax: scale; SoftTriple: λ, γ, δ; Multi-Similarity:
 * α, β, λ, ε; Circle: margin, γ).
 */
export function headTrain(
  gram: usize, n: i32, labels: usize, coefficients: usize, velocity: usize, m: i32, proxyClass: usize, classes: i32, centres: i32,
  loss: i32, params: usize, rate: f32, momentum: f32, decay: f32, steps: i32, scratch: usize, losses: usize,
): void {
  const cos = scratch;
  const grad = cos + ((<usize>m * <usize>n) << 2);
  const inverseNorms = grad + ((<usize>m * <usize>n) << 2);
  const rest = inverseNorms + (<usize>m << 2);
  const supportPairs = rest + (<usize>(classes + centres) << 2);
  const p0 = <f64>loadF32(params, 0);
  const p1 = <f64>loadF32(params, 1);
  const p2 = <f64>loadF32(params, 2);
  const p3 = <f64>loadF32(params, 3);
  if (loss == CIRCLE) circleSupportPairs(gram, labels, n, p0, p1, supportPairs);
  for (let step = 0; step < steps; step++) {
    cosines(gram, coefficients, n, m, cos, inverseNorms);
    let value: f64 = 0;
    if (loss == NORM_SOFTMAX) value = normSoftmaxLoss(cos, grad, labels, n, m, p0);
    else if (loss == SOFT_TRIPLE) value = softTripleLoss(cos, grad, labels, n, classes, centres, p0, p1, p2, rest);
    else if (loss == MULTI_SIMILARITY) value = multiSimilarityHeadLoss(gram, cos, grad, labels, proxyClass, n, m, p0, p1, p2, p3);
    else if (loss == CIRCLE) value = circleHeadLoss(supportPairs, cos, grad, labels, proxyClass, n, m, p0, p1);
    storeF32(losses, step, <f32>value);
    descend(coefficients, velocity, cos, grad, inverseNorms, n, m, <f64>rate, <f64>momentum, <f64>decay);
  }
}

/** The proxies themselves, p_r = Σ_i A_ri x_i (m × dim), for scoring queries. */
export function headProxies(coefficients: usize, m: i32, x: usize, n: i32, dim: i32, out: usize): void {
  const dim4 = dim & ~3;
  for (let r = 0; r < m; r++) {
    const p = rowAt(out, r, dim);
    for (let k = 0; k < dim; k++) storeF32(p, k, 0);
    for (let i = 0; i < n; i++) {
      const weight = loadF32(rowAt(coefficients, r, n), i);
      if (weight == 0) continue;
      const xi = rowAt(x, i, dim);
      const w = f32x4.splat(weight);
      let k = 0;
      for (; k < dim4; k += 4) {
        const offset = <usize>k << 2;
        v128.store(p + offset, f32x4.add(v128.load(p + offset), f32x4.mul(w, v128.load(xi + offset))));
      }
      for (; k < dim; k++) storeF32(p, k, loadF32(p, k) + weight * loadF32(xi, k));
    }
  }
}
