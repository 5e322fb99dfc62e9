// Circle loss's self-paced weights and its smooth functions (Sun et al., "Circle
// Loss: A Unified Perspective of Pair Similarity Optimization", CVPR 2020),
// written once for the figures' kernel (assembly/losses/circle.ts) and the metric
// head (assembly/head/circle.ts). With margin m the optima are O_p = 1 + m and
// O_n = −m, and each similarity's weight is its distance from its optimum:
//   α_p = [O_p − s_p]_+ = [1 + m − s_p]_+,  α_n = [s_n − O_n]_+ = [s_n + m]_+
// All @inline: they run inside the kernels' per-pair loops, which must pay no call.

@inline export function alphaPositive(s: f64, margin: f64): f64 {
  return max(1 + margin - s, 0.0);
}

@inline export function alphaNegative(s: f64, margin: f64): f64 {
  return max(s + margin, 0.0);
}

/** log(1 + e^z) without overflow. */
@inline export function softplus(z: f64): f64 {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

@inline export function sigmoid(z: f64): f64 {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
