import { describe, expect, test } from 'vitest';
import { meanWithCi95, sample, sampleEpisode } from '../../src/lib/eval/episodes';
import { seededRandom } from '../../src/lib/random';

describe('sampleEpisode', () => {
  const byClass = Array.from({ length: 12 }, (_, c) => Array.from({ length: c === 3 ? 4 : 20 }, (_, i) => c * 100 + i));

  test('draws way classes with shot + queries distinct images each, labelled 0..way-1', () => {
    const e = sampleEpisode(byClass, 5, 1, 15, seededRandom(1));
    expect(e.supports).toHaveLength(5);
    expect(e.queries).toHaveLength(75);
    expect(new Set([...e.supports, ...e.queries]).size).toBe(80);
    expect([...new Set(e.supportLabels)]).toEqual([0, 1, 2, 3, 4]);
    for (let i = 0; i < e.queries.length; i++) {
      expect(Math.floor(e.queries[i]! / 100)).toBe(Math.floor(e.supports[e.queryLabels[i]!]! / 100));
    }
  });

  test('never draws a class with too few images', () => {
    for (let seed = 0; seed < 50; seed++) {
      const e = sampleEpisode(byClass, 10, 1, 15, seededRandom(seed));
      expect(e.supports.some((i) => Math.floor(i / 100) === 3)).toBe(false);
    }
  });

  test('is the same for the same seed', () => {
    expect(sampleEpisode(byClass, 5, 5, 5, seededRandom(9))).toEqual(sampleEpisode(byClass, 5, 5, 5, seededRandom(9)));
  });

  test('says when the data set has too few classes', () => {
    expect(() => sampleEpisode(byClass, 12, 1, 15, seededRandom(1))).toThrow(/Only 11 classes/);
  });
});

/** Pearson's χ² of observed counts against equal expected counts. */
function chiSquare(counts: ReadonlyMap<string, number>, outcomes: number, draws: number): number {
  const expected = draws / outcomes;
  let total = (outcomes - counts.size) * expected; // outcomes never seen
  for (const observed of counts.values()) total += (observed - expected) ** 2 / expected;
  return total;
}

/** How often each ordered draw of k from n comes out, over `draws` seeded draws. */
function orderCounts(draw: (items: number[], random: () => number) => number[], n: number, draws: number): Map<string, number> {
  const items = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(2024);
  const counts = new Map<string, number>();
  for (let t = 0; t < draws; t++) {
    const key = draw(items, random).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

// χ² critical values at p = 0.001, so a correct sampler fails about once in a
// thousand seeds (and the seed is fixed); a biased one is far beyond them.
const CHI2_999 = { df5: 20.52, df19: 43.82 };

describe('sample', () => {
  test('draws without replacement', () => {
    expect(new Set(sample([1, 2, 3, 4, 5, 6], 6, seededRandom(3))).size).toBe(6);
  });

  test('draws every ordered pair of 2 from 5 equally often (χ² over 20 outcomes)', () => {
    const counts = orderCounts((items, random) => sample(items, 2, random), 5, 20_000);
    expect(counts.size).toBe(20);
    expect(chiSquare(counts, 20, 20_000)).toBeLessThan(CHI2_999.df19);
  });

  test('shuffles 3 of 3 into all 6 orders equally often (χ² over 6 outcomes)', () => {
    const counts = orderCounts((items, random) => sample(items, 3, random), 3, 30_000);
    expect(counts.size).toBe(6);
    expect(chiSquare(counts, 6, 30_000)).toBeLessThan(CHI2_999.df5);
  });

  test('the check has the power to see a missing or a naive shuffle', () => {
    const unshuffled = orderCounts((items) => items.slice(0, 3), 3, 30_000);
    expect(chiSquare(unshuffled, 6, 30_000)).toBeGreaterThan(CHI2_999.df5);
    // Swapping with any position (not only the ones not yet drawn) favours some orders: 27 paths onto 6 orders.
    const naive = orderCounts((items, random) => {
      const pool = [...items];
      for (let i = 0; i < pool.length; i++) {
        const j = Math.floor(random() * pool.length);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool;
    }, 3, 30_000);
    expect(chiSquare(naive, 6, 30_000)).toBeGreaterThan(CHI2_999.df5);
  });

  test('is the same for the same seed and differs between seeds', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(sample(items, 10, seededRandom(5))).toEqual(sample(items, 10, seededRandom(5)));
    expect(sample(items, 10, seededRandom(5))).not.toEqual(sample(items, 10, seededRandom(6)));
  });
});

describe('sampleEpisode draws uniformly', () => {
  // Six eligible classes of ten images; 2-way 1-shot 1-query episodes.
  const byClass = Array.from({ length: 6 }, (_, c) => Array.from({ length: 10 }, (_, i) => c * 100 + i));
  const episodes = Array.from({ length: 6_000 }, (_, t) => sampleEpisode(byClass, 2, 1, 1, seededRandom(t)));

  test('every class is drawn as every episode label about equally often', () => {
    for (const label of [0, 1]) {
      const counts = new Map<string, number>();
      for (const e of episodes) {
        const key = String(Math.floor(e.supports[label]! / 100));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(counts.size).toBe(6);
      expect(chiSquare(counts, 6, episodes.length)).toBeLessThan(CHI2_999.df5);
    }
  });

  test('every image of a class is a support about equally often, and never also a query', () => {
    const counts = new Map<string, number>();
    let fromClass0 = 0;
    for (const e of episodes) {
      e.supports.forEach((image, i) => {
        expect(e.queries[i]).not.toBe(image);
        if (Math.floor(image / 100) !== 0) return;
        fromClass0++;
        counts.set(String(image), (counts.get(String(image)) ?? 0) + 1);
      });
    }
    expect(counts.size).toBe(10);
    // 10 outcomes, df 9: critical value 27.88 at p = 0.001.
    expect(chiSquare(counts, 10, fromClass0)).toBeLessThan(27.88);
  });
});

describe('meanWithCi95', () => {
  test('gives the mean and 1.96 standard errors', () => {
    const { mean, ci95 } = meanWithCi95([0, 1, 0, 1]);
    expect(mean).toBe(0.5);
    expect(ci95).toBeCloseTo((1.96 * Math.sqrt(1 / 3)) / 2, 10);
  });
});
