// Circle loss for single similarity pairs (Sun et al., "Circle Loss: A Unified
// Perspective of Pair Similarity Optimization", CVPR 2020), with margin m and
// scale γ:
//   α_p = [1 + m − s_p]_+,  α_n = [s_n + m]_+,  Δ_p = 1 − m,  Δ_n = m
//   z = γ (α_n (s_n − Δ_n) − α_p (s_p − Δ_p)),  L = log(1 + e^z)
// The weights α are held constant in back-propagation, as in the paper, so
//   ∂L/∂s_n = σ(z) γ α_n,  ∂L/∂s_p = −σ(z) γ α_p:
// each similarity is pushed in proportion to how far it is from its optimum.
// The weights and the smooth functions are those of assembly/pairs/circle.ts,
// which the metric head shares.
import { loadF32, storeF32 } from '../memory';
import { alphaNegative, alphaPositive, sigmoid, softplus } from '../pairs/circle';

/** For each pair (sn[i], sp[i]): the loss and both partial derivatives. */
export function circleLoss(sn: usize, sp: usize, count: i32, margin: f32, scale: f32, loss: usize, gradN: usize, gradP: usize): void {
  const m = <f64>margin;
  const gamma = <f64>scale;
  for (let i = 0; i < count; i++) {
    const n = <f64>loadF32(sn, i);
    const p = <f64>loadF32(sp, i);
    const alphaN = alphaNegative(n, m);
    const alphaP = alphaPositive(p, m);
    const z = gamma * (alphaN * (n - m) - alphaP * (p - (1 - m)));
    const s = sigmoid(z);
    storeF32(loss, i, <f32>softplus(z));
    storeF32(gradN, i, <f32>(s * gamma * alphaN));
    storeF32(gradP, i, <f32>(-s * gamma * alphaP));
  }
}
