import { describe, expect, test } from 'vitest';
import { meanWithCi95 } from '../../src/lib/eval/episodes';
import { episodeFingerprint, pairedDifference, verdictOf } from '../../src/lib/eval/paired';
import { withPairedDifferences, type Measured } from '../../src/lib/eval/with-differences';
import { seededRandom } from '../../src/lib/random';

describe('pairedDifference', () => {
  test('is the mean and 95 % interval of the per-episode differences', () => {
    const d = pairedDifference([0.9, 0.8, 1, 0.7], [0.8, 0.8, 0.9, 0.5]);
    const expected = meanWithCi95([0.1, 0, 0.1, 0.2]);
    expect(d.difference).toBeCloseTo(expected.mean, 12);
    expect(d.ci95).toBeCloseTo(expected.ci95, 12);
  });

  test('finds a small, consistent gain that the two separate intervals hide', () => {
    // Episodes vary a lot in difficulty; setting a is 1 point better on every one of them.
    const random = seededRandom(3);
    const b = Array.from({ length: 600 }, () => 0.5 + 0.4 * random());
    const a = b.map((x, i) => x + 0.01 + (i % 2 ? 0.002 : -0.002));
    const [ma, mb] = [meanWithCi95(a), meanWithCi95(b)];
    expect(ma.mean - ma.ci95).toBeLessThan(mb.mean + mb.ci95); // the intervals overlap
    expect(verdictOf(pairedDifference(a, b))).toBe('better');
    expect(verdictOf(pairedDifference(b, a))).toBe('worse');
  });

  test('calls a difference whose interval contains zero the same', () => {
    expect(verdictOf({ difference: 0.01, ci95: 0.02 })).toBe('same');
  });

  test('refuses unpaired inputs', () => {
    expect(() => pairedDifference([1, 0], [1])).toThrow(/same episodes/);
    expect(() => pairedDifference([], [])).toThrow(/same episodes/);
  });
});

describe('episodeFingerprint', () => {
  test('tells different episodes apart and is stable', () => {
    const e = [{ supports: [1, 2], queries: [3, 4] }];
    expect(episodeFingerprint(e)).toBe(episodeFingerprint([{ supports: [1, 2], queries: [3, 4] }]));
    expect(episodeFingerprint(e)).not.toBe(episodeFingerprint([{ supports: [2, 1], queries: [3, 4] }]));
    expect(episodeFingerprint(e)).not.toBe(episodeFingerprint([{ supports: [1], queries: [2, 3, 4] }]));
    expect(episodeFingerprint(e)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('withPairedDifferences', () => {
  const result = (metric: Measured['metric'], refine: number, perEpisode: number[], episodeFingerprint = 'abcd0123'): Measured => ({
    model: 'm', dataset: 'glyphs-heldout', way: 5, shot: 1, queries: 15, episodes: perEpisode.length, metric, normalize: 'none', refine, seed: 1,
    accuracy: meanWithCi95(perEpisode).mean, ci95: meanWithCi95(perEpisode).ci95, episodeFingerprint, perEpisode,
  });

  test('pairs each setting with the baseline and a refined one with its unrefined self', () => {
    const out = withPairedDifferences([result('euclidean', 0, [0.5, 0.6]), result('cosine', 0, [0.6, 0.8]), result('cosine', 3, [0.7, 0.8])]);
    expect(out.map((r) => r.vsBaseline.difference.toFixed(2))).toEqual(['0.00', '0.15', '0.20']);
    expect(out[0]!.vsUnrefined).toBeUndefined();
    expect(out[2]!.vsUnrefined!.difference).toBeCloseTo(0.05, 12);
    expect(out[2]).not.toHaveProperty('perEpisode');
  });

  test('refuses to pair results measured on different episodes', () => {
    expect(() => withPairedDifferences([result('euclidean', 0, [0.5]), result('cosine', 0, [0.6], 'ffff0000')])).toThrow(/different episodes/);
  });
});
