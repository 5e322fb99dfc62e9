import { describe, expect, test } from 'vitest';
import figure from '../../src/figures/definitions/sampled-softmax';
import { drawNegatives } from '../../src/figures/negative-sampling';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const measured = (changes: Partial<ReturnType<typeof figure.initial>>) => {
  const summary = figure.draw({ ...figure.initial(), ...changes }, kernels).summary;
  const [, bias, spread] = /bias is (\d+\.\d+) and its spread (\d+\.\d+)/.exec(summary)!;
  return { bias: Number(bias), spread: Number(spread), summary };
};

describe('negative sampling', () => {
  test('draws distinct labels other than the target; hard draws are the top m of their pool', () => {
    const scores = Array.from({ length: 30 }, (_, l) => Math.sin(l * 2.1));
    for (const mode of ['uniform', 'hard'] as const) {
      const drawn = drawNegatives(scores, 4, 5, mode, 3, 50, 9);
      for (let d = 0; d < 50; d++) {
        const row = Array.from(drawn.subarray(d * 5, d * 5 + 5));
        expect(new Set(row).size).toBe(5);
        expect(row).not.toContain(4);
      }
    }
    // A pool of every other label: the hard draw is always the 5 highest scores.
    const top = Array.from({ length: 30 }, (_, l) => l).filter((l) => l !== 4).sort((a, b) => scores[b]! - scores[a]!).slice(0, 5);
    expect(Array.from(drawNegatives(scores, 4, 5, 'hard', 10, 1, 9))).toEqual(top);
  });

  test('is the same for the same seed', () => {
    const scores = Array.from({ length: 30 }, (_, l) => l);
    expect(drawNegatives(scores, 0, 4, 'uniform', 4, 10, 3)).toEqual(drawNegatives(scores, 0, 4, 'uniform', 4, 10, 3));
  });
});

describe('sampled softmax figure', () => {
  test('uniform negatives: bias and spread shrink as m grows', () => {
    const few = measured({ m: 1 });
    const many = measured({ m: 128 });
    expect(many.bias).toBeLessThan(few.bias / 10);
    expect(many.spread).toBeLessThan(few.spread / 5);
  });

  test('hard negatives spread less than uniform ones at the same m, and not at all once the pool holds every label', () => {
    expect(measured({ m: 8, mode: 'hard' }).spread).toBeLessThan(measured({ m: 8 }).spread);
    const whole = measured({ m: 128, mode: 'hard', poolFactor: 4 });
    expect(whole.summary).toContain('pool of 399');
    expect(whole.spread).toBe(0);
    expect(whole.bias).toBeGreaterThan(0);
  });
});
