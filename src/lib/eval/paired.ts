/**
 * Paired comparison of two settings measured on the same seeded episodes.
 *
 * Two settings evaluated with the same seed classify the very same episodes,
 * so their per-episode accuracies are paired: most of an episode's difficulty
 * is shared, and the difference of the two accuracies varies far less than
 * either accuracy does. Comparing the two means by whether their separate
 * 95 % intervals overlap ignores that pairing and misses real differences;
 * the mean per-episode difference with its own 95 % interval does not.
 */
import { meanWithCi95 } from './episodes.ts';

export interface PairedDifference {
  /** Mean over episodes of accuracy(a) − accuracy(b). */
  difference: number;
  /** Half-width of the normal-approximation 95 % interval of that mean. */
  ci95: number;
}

export type Verdict = 'better' | 'worse' | 'same';

/** a − b episode by episode; throws unless both were measured on the same episodes. */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length || a.length === 0) {
    throw new Error(`A paired difference needs the same episodes on both sides; got ${a.length} and ${b.length} accuracies.`);
  }
  const { mean, ci95 } = meanWithCi95(a.map((x, i) => x - b[i]!));
  return { difference: mean, ci95 };
}

/** Better or worse only where the difference's 95 % interval excludes zero. */
export function verdictOf(d: PairedDifference): Verdict {
  if (d.difference - d.ci95 > 0) return 'better';
  if (d.difference + d.ci95 < 0) return 'worse';
  return 'same';
}

/**
 * A fingerprint of the episodes (support and query image indices, in order):
 * results are paired only when their fingerprints are equal. FNV-1a, 32 bits.
 */
export function episodeFingerprint(episodes: Iterable<{ supports: readonly number[]; queries: readonly number[] }>): string {
  let hash = 0x811c9dc5;
  const mix = (value: number) => {
    hash ^= value & 0xffff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash ^= value >>> 16;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const episode of episodes) {
    for (const i of episode.supports) mix(i);
    mix(0xfffe);
    for (const i of episode.queries) mix(i);
    mix(0xffff);
  }
  return hash.toString(16).padStart(8, '0');
}
