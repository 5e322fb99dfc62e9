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

describe('sample', () => {
  test('draws without replacement', () => {
    expect(new Set(sample([1, 2, 3, 4, 5, 6], 6, seededRandom(3))).size).toBe(6);
  });
});

describe('meanWithCi95', () => {
  test('gives the mean and 1.96 standard errors', () => {
    const { mean, ci95 } = meanWithCi95([0, 1, 0, 1]);
    expect(mean).toBe(0.5);
    expect(ci95).toBeCloseTo((1.96 * Math.sqrt(1 / 3)) / 2, 10);
  });
});
