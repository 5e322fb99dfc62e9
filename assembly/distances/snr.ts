// Signal-to-noise-ratio distance of "Signal-To-Noise Ratio: A Robust Distance
// Metric for Deep Metric Learning" (CVPR 2019): with the query as anchor a and
// the prototype as b = a + n, d = var(b − a) / var(a), variances over the
// embedding's dimensions. It is not symmetric.
//
// var(b − a) is summed directly from the centred differences rather than
// expanded through a·b: the expansion cancels badly exactly where SNR is
// interesting (a prototype that is the anchor plus a small or constant noise).
// see: the survey's note "the SNR is the ratio of the feature variance and the noise variance"
import { loadF32, loadF64, rowAt, storeF32 } from '../memory';
import { rowMoments } from '../rows';
// A constant anchor has zero variance; dividing by SNR_MIN_VARIANCE instead keeps the distance finite.
import { SNR_MIN_VARIANCE } from './ids';

/** var(b − a) given the difference of the rows' means. */
@inline function noiseVariance(a: usize, b: usize, meanGap: f32, dim: i32): f64 {
  const gap = f32x4.splat(meanGap);
  const dim4 = dim & ~3;
  let acc = f32x4.splat(0);
  let k = 0;
  for (; k < dim4; k += 4) {
    const offset = <usize>k << 2;
    const centred = f32x4.sub(f32x4.sub(v128.load(b + offset), v128.load(a + offset)), gap);
    acc = f32x4.add(acc, f32x4.mul(centred, centred));
  }
  let sum = <f64>(f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3)));
  for (; k < dim; k++) {
    const centred = <f64>(loadF32(b, k) - loadF32(a, k) - meanGap);
    sum += centred * centred;
  }
  return sum / <f64>dim;
}

/** Same contract as distanceMatrix in ./index; q rows are the anchors. */
export function matrix(q: usize, nq: i32, p: usize, np: i32, dim: i32, out: usize, scratch: usize): void {
  const qMean = scratch;
  const qVariance = qMean + (<usize>nq << 3);
  const pMean = qVariance + (<usize>nq << 3);
  const pVariance = pMean + (<usize>np << 3);
  rowMoments(q, nq, dim, qMean, qVariance);
  rowMoments(p, np, dim, pMean, pVariance);
  for (let i = 0; i < nq; i++) {
    const qi = rowAt(q, i, dim);
    const signal = max(loadF64(qVariance, i), SNR_MIN_VARIANCE);
    const mean = loadF64(qMean, i);
    const outRow = rowAt(out, i, np);
    for (let j = 0; j < np; j++) {
      const noise = noiseVariance(qi, rowAt(p, j, dim), <f32>(loadF64(pMean, j) - mean), dim);
      storeF32(outRow, j, <f32>(noise / signal));
    }
  }
}

/** Same contract as distanceRows in ./index; a rows are the anchors. */
export function rows(a: usize, b: usize, n: i32, dim: i32, out: usize, scratch: usize): void {
  const aMean = scratch;
  const aVariance = aMean + (<usize>n << 3);
  const bMean = aVariance + (<usize>n << 3);
  const bVariance = bMean + (<usize>n << 3);
  rowMoments(a, n, dim, aMean, aVariance);
  rowMoments(b, n, dim, bMean, bVariance);
  for (let i = 0; i < n; i++) {
    const noise = noiseVariance(rowAt(a, i, dim), rowAt(b, i, dim), <f32>(loadF64(bMean, i) - loadF64(aMean, i)), dim);
    storeF32(out, i, <f32>(noise / max(loadF64(aVariance, i), SNR_MIN_VARIANCE)));
  }
}
