// The Multi-Similarity loss's mining and pair weights (Wang et al., "Multi-Similarity
// Loss with General Pair Weighting for Deep Metric Learning", CVPR 2019), written
// once for the figures' kernel (assembly/losses/multiSimilarity.ts) and the metric
// head (assembly/head/multiSimilarity.ts), so the two cannot drift apart.
// For anchor i with positives P_i and negatives N_i, the mining
//   keeps negative k if S_ik + ε > min_{j ∈ P_i} S_ij,
//   keeps positive j if S_ij − ε < max_{k ∈ N_i} S_ik,
// and over the kept pairs P̂_i, N̂_i
//   L_i = (1/α) log(1 + Σ_{P̂_i} e^{−α(S_ij − λ)}) + (1/β) log(1 + Σ_{N̂_i} e^{β(S_ik − λ)}).
//
// A kernel takes one anchor at a time: startAnchor(), then mine() over each run of
// its pairs, then sum() over the same runs, then anchorLoss() and, pair by pair,
// keptPair() and pairWeight(). A run is similarity k at values + k·stride (a matrix
// row, stride 4, or a column, stride 4 × the row length), its class at classes[k],
// index `skip` (the anchor itself, or −1) left out; runs are folded in order, so a
// kernel that chains two runs gets the same values, bit for bit, as one loop over
// all its pairs. Everything is @inline: it runs in the kernels' per-anchor loops,
// which must pay no call.
import { loadI32 } from '../memory';

// The anchor's hardest pairs, then its two sums. Module globals because the folds
// must hand back two values each, and AssemblyScript returns one without allocating;
// a kernel instance runs one call at a time, so the state is never shared. (Two
// one-sided passes with locals instead measured about 9 % slower on the head.)
export let hardestPositive: f64 = Infinity;
export let hardestNegative: f64 = -Infinity;
export let positiveSum: f64 = 0;
export let negativeSum: f64 = 0;

@inline export function startAnchor(): void {
  hardestPositive = Infinity;
  hardestNegative = -Infinity;
  positiveSum = 0;
  negativeSum = 0;
}

@inline function similarityAt(values: usize, stride: usize, k: i32): f64 {
  return <f64>load<f32>(values + <usize>k * stride);
}

@inline function keptBy(same: bool, s: f64, hp: f64, hn: f64, epsilon: f64): bool {
  return same ? s - epsilon < hn : s + epsilon > hp;
}

/** e^{−α(s − λ)} for a positive pair, e^{β(s − λ)} for a negative: its term in L_i. */
@inline function pairTerm(same: bool, s: f64, alpha: f64, beta: f64, lambda: f64): f64 {
  return same ? Math.exp(-alpha * (s - lambda)) : Math.exp(beta * (s - lambda));
}

/** Folds a run into the hardest pairs: the least similar positive and the most similar negative. */
@inline export function mine(values: usize, stride: usize, classes: usize, count: i32, y: i32, skip: i32): void {
  let hp = hardestPositive;
  let hn = hardestNegative;
  for (let k = 0; k < count; k++) {
    if (k == skip) continue;
    const s = similarityAt(values, stride, k);
    if (loadI32(classes, k) == y) hp = min(hp, s);
    else hn = max(hn, s);
  }
  hardestPositive = hp;
  hardestNegative = hn;
}

/** Adds a run's kept pairs to the two sums (after mine() has seen every run). */
@inline export function sum(values: usize, stride: usize, classes: usize, count: i32, y: i32, skip: i32, alpha: f64, beta: f64, lambda: f64, epsilon: f64): void {
  const hp = hardestPositive;
  const hn = hardestNegative;
  let ps = positiveSum;
  let ns = negativeSum;
  for (let k = 0; k < count; k++) {
    if (k == skip) continue;
    const same = loadI32(classes, k) == y;
    const s = similarityAt(values, stride, k);
    if (!keptBy(same, s, hp, hn, epsilon)) continue;
    if (same) ps += pairTerm(true, s, alpha, beta, lambda);
    else ns += pairTerm(false, s, alpha, beta, lambda);
  }
  positiveSum = ps;
  negativeSum = ns;
}

/** L_i from the two sums. */
@inline export function anchorLoss(alpha: f64, beta: f64): f64 {
  return Math.log1p(positiveSum) / alpha + Math.log1p(negativeSum) / beta;
}

/** Whether the mining keeps a pair of the anchor's. */
@inline export function keptPair(same: bool, s: f64, epsilon: f64): bool {
  return keptBy(same, s, hardestPositive, hardestNegative, epsilon);
}

/**
 * A kept pair's weight, the loss's gradient magnitude:
 *   w⁺_ij = 1 / (e^{−α(λ − S_ij)} + Σ_{j' ∈ P̂_i} e^{−α(S_ij' − S_ij)}),  w⁻_ik = 1 / (e^{β(λ − S_ik)} + Σ_{k' ∈ N̂_i} e^{β(S_ik' − S_ik)}),
 * computed as the pair's term over 1 + its side's sum: the same ratio, in the form that cannot overflow here.
 */
@inline export function pairWeight(same: bool, s: f64, alpha: f64, beta: f64, lambda: f64): f64 {
  return pairTerm(same, s, alpha, beta, lambda) / (1 + (same ? positiveSum : negativeSum));
}
