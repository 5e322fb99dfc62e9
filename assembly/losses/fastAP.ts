// FastAP (Cakir, He, Xia, Kulis, Sclaroff, "Deep Metric Learning to Rank",
// CVPR 2019): average precision of one query's ranked list, computed from
// histograms of its distances instead of a sort. The distance range
// [0, maxDistance] is cut into L bins with centres z_l = l·Δ (l = 0 … L,
// Δ = maxDistance / L); each item is spread over its two nearest centres by the
// triangular kernel δ(d, z) = [1 − |d − z| / Δ]₊ ("soft binning"), so that
//   h⁺_l, h⁻_l  soft counts of positives and negatives in bin l,
//   H⁺_l, H_l   their running sums (positives; everything) up to bin l,
//   FastAP = (1/N⁺) Σ_l h⁺_l H⁺_l / H_l,
// and the loss 1 − FastAP has a gradient with respect to every distance.
// see: the authors' code, github.com/kunhe/FastAP-metric-learning
// (pytorch/FastAP_loss.py): bins, kernel and the zero-mass convention follow it.
import { loadF32, loadF64, loadI32, storeF32, storeF64 } from '../memory';

@inline function pulse(d: f64, centre: f64, width: f64): f64 {
  const y = 1 - Math.abs(d - centre) / width;
  return y > 0 ? y : 0;
}

/** ∂δ(d, z)/∂d, one-sided as in the authors' code: +1/Δ on (z − Δ, z], −1/Δ on (z, z + Δ]. */
@inline function pulseSlope(d: f64, centre: f64, width: f64): f64 {
  if (d > centre - width && d <= centre) return 1 / width;
  if (d > centre && d <= centre + width) return -1 / width;
  return 0;
}

/** Bytes of scratch fastAP needs: four f64 per bin centre. */
export function fastAPScratchBytes(bins: i32): usize {
  return (<usize>(bins + 1) * 4) << 3;
}

/**
 * distances (n f32, each in [0, maxDistance]), relevant (n i32: 1 positive,
 * 0 negative; at least one positive), bins L ≥ 1. hPos and hNeg (L + 1 f32
 * each) get the soft histograms, gradient (n f32) ∂FastAP/∂d_i. Returns FastAP.
 */
export function fastAP(distances: usize, relevant: usize, n: i32, bins: i32, maxDistance: f64, hPos: usize, hNeg: usize, gradient: usize, scratch: usize): f64 {
  const centres = bins + 1;
  const width = maxDistance / <f64>bins;
  const hp = scratch;
  const hn = hp + (<usize>centres << 3);
  const cumPos = hn + (<usize>centres << 3);
  const cumAll = cumPos + (<usize>centres << 3);
  let positives: f64 = 0;
  for (let l = 0; l < centres; l++) {
    storeF64(hp, l, 0);
    storeF64(hn, l, 0);
  }
  for (let i = 0; i < n; i++) {
    const d = <f64>loadF32(distances, i);
    const bin = loadI32(relevant, i) == 1 ? hp : hn;
    if (bin == hp) positives += 1;
    for (let l = 0; l < centres; l++) storeF64(bin, l, loadF64(bin, l) + pulse(d, <f64>l * width, width));
  }
  // Forward: running sums and FastAP itself.
  let runPos: f64 = 0;
  let runAll: f64 = 0;
  let ap: f64 = 0;
  for (let l = 0; l < centres; l++) {
    const p = loadF64(hp, l);
    runPos += p;
    runAll += p + loadF64(hn, l);
    storeF64(cumPos, l, runPos);
    storeF64(cumAll, l, runAll);
    if (runAll > 0) ap += (p * runPos) / runAll;
    storeF32(hPos, l, <f32>p);
    storeF32(hNeg, l, <f32>loadF64(hn, l));
  }
  // Backward: ∂FastAP/∂h⁺_l and ∂FastAP/∂h⁻_l, overwriting the running sums bin by bin once read.
  //   ∂/∂h⁺_l = (H⁺_l H_l + h⁺_l H⁻_l) / H_l² + Σ_{j>l} h⁺_j H⁻_j / H_j²   (0 where H_l = 0, as in the authors' code)
  //   ∂/∂h⁻_l = −Σ_{j≥l} h⁺_j H⁺_j / H_j²
  let laterPos: f64 = 0;
  let fromHereNeg: f64 = 0;
  for (let l = centres - 1; l >= 0; l--) {
    const p = loadF64(hp, l);
    const cp = loadF64(cumPos, l);
    const ca = loadF64(cumAll, l);
    let dPos: f64 = 0;
    let pushLater: f64 = 0;
    if (ca > 0) {
      const square = ca * ca;
      dPos = (cp * ca + p * (ca - cp)) / square + laterPos;
      pushLater = (p * (ca - cp)) / square;
      fromHereNeg += (p * cp) / square;
    }
    laterPos += pushLater;
    storeF64(cumPos, l, dPos / positives);
    storeF64(cumAll, l, -fromHereNeg / positives);
  }
  for (let i = 0; i < n; i++) {
    const d = <f64>loadF32(distances, i);
    const slopes = loadI32(relevant, i) == 1 ? cumPos : cumAll;
    let g: f64 = 0;
    for (let l = 0; l < centres; l++) g += pulseSlope(d, <f64>l * width, width) * loadF64(slopes, l);
    storeF32(gradient, i, <f32>g);
  }
  return ap / positives;
}

/**
 * Exact average precision of the list ranked by distance: the mean over
 * positives i of precision at d_i, |{positives with d ≤ d_i}| / |{items with
 * d ≤ d_i}| (ties count together, as a threshold at d_i would). O(n²): the
 * figures rank tens of items.
 */
export function averagePrecision(distances: usize, relevant: usize, n: i32): f64 {
  let total: f64 = 0;
  let positives: i32 = 0;
  for (let i = 0; i < n; i++) {
    if (loadI32(relevant, i) != 1) continue;
    positives++;
    const d = loadF32(distances, i);
    let within: i32 = 0;
    let relevantWithin: i32 = 0;
    for (let j = 0; j < n; j++) {
      if (loadF32(distances, j) > d) continue;
      within++;
      if (loadI32(relevant, j) == 1) relevantWithin++;
    }
    total += <f64>relevantWithin / <f64>within;
  }
  return total / <f64>positives;
}
