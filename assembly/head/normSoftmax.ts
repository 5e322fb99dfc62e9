// Normalised softmax over class proxies, as in NormFace (Wang et al., "NormFace:
// L2 Hypersphere Embedding for Face Verification", ACM MM 2017) and ProxyNCA++
// (Teh et al., ECCV 2020): one proxy per class, logits s·cos(x_i, p_c).
// see: NormFace (softmax over s·cos of normalised features and class weights);
// ProxyNCA++ (proxies with a low softmax temperature, i.e. a large scale s)
//   L_i = −log( e^{s·cos_{y_i,i}} / Σ_c e^{s·cos_{c,i}} )
//   ∂L/∂cos_{c,i} = s (softmax_c − [c = y_i]) / n   (mean over the n supports)
import { loadF32, loadI32, rowAt, storeF32 } from '../memory';

/** cos, grad: m × n (proxy-major, proxy c is class c); returns the mean loss and fills grad. */
export function normSoftmaxLoss(cos: usize, grad: usize, labels: usize, n: i32, m: i32, scale: f64): f64 {
  let total: f64 = 0;
  const inverseN = 1 / <f64>n;
  for (let i = 0; i < n; i++) {
    const y = loadI32(labels, i);
    let best = -Infinity;
    for (let c = 0; c < m; c++) best = max(best, scale * <f64>loadF32(rowAt(cos, c, n), i));
    let sum: f64 = 0;
    for (let c = 0; c < m; c++) sum += Math.exp(scale * <f64>loadF32(rowAt(cos, c, n), i) - best);
    const logSum = best + Math.log(sum);
    total += logSum - scale * <f64>loadF32(rowAt(cos, y, n), i);
    for (let c = 0; c < m; c++) {
      const p = Math.exp(scale * <f64>loadF32(rowAt(cos, c, n), i) - logSum);
      storeF32(rowAt(grad, c, n), i, <f32>(scale * (p - (c == y ? 1.0 : 0.0)) * inverseN));
    }
  }
  return total * inverseN;
}
