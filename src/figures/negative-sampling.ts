/**
 * Negatives for the sampled-softmax figure (definitions/sampled-softmax.ts),
 * drawn from a seeded generator so that the static and the live figure agree.
 */
import { seededRandom } from '../lib/random.ts';

export type SamplingMode = 'uniform' | 'hard';

/**
 * `draws` rows of m distinct negatives (never `target`). Uniform: m labels
 * drawn without replacement. Hard: a uniform pool of min(poolFactor · m, N − 1)
 * labels, of which the m with the highest scores are kept.
 */
export function drawNegatives(scores: ArrayLike<number>, target: number, m: number, mode: SamplingMode, poolFactor: number, draws: number, seed: number): Int32Array {
  const count = scores.length;
  const random = seededRandom(seed);
  const others = Array.from({ length: count }, (_, l) => l).filter((l) => l !== target);
  const pool = mode === 'uniform' ? m : Math.min(poolFactor * m, others.length);
  // Labels from the highest score down, for picking a pool's hardest members.
  const byScore = others.slice().sort((a, b) => scores[b]! - scores[a]! || a - b);
  const inPool = new Uint8Array(count);
  const out = new Int32Array(draws * m);
  const order = Int32Array.from(others);
  for (let d = 0; d < draws; d++) {
    // A partial Fisher–Yates shuffle: the first `pool` entries are a uniform sample without replacement.
    for (let i = 0; i < pool; i++) {
      const j = i + Math.floor(random() * (order.length - i));
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    if (mode === 'uniform') {
      out.set(order.subarray(0, m), d * m);
      continue;
    }
    // Walking down the scores stops at the m-th member of the pool: about m · N / pool labels.
    for (let i = 0; i < pool; i++) inPool[order[i]!] = 1;
    for (let i = 0, r = 0; r < m; i++) if (inPool[byScore[i]!]) out[d * m + r++] = byScore[i]!;
    for (let i = 0; i < pool; i++) inPool[order[i]!] = 0;
  }
  return out;
}
