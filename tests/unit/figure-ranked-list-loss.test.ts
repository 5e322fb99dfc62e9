import { describe, expect, test } from 'vitest';
import rll from '../../src/figures/definitions/ranked-list-loss';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const loss = (summary: string) => Number(/Loss (\d+\.\d+)\.$/.exec(summary)![1]);

describe('Ranked List Loss figure', () => {
  test('pulls only positives beyond α − m and pushes only negatives nearer than α; the nearest negative weighs most', () => {
    const state = rll.initial();
    const { summary } = rll.draw(state, kernels);
    expect(summary).toContain('Still pulled (beyond α − m): 2 positives, at 0.95, 1.30, weight 0.50 each');
    const weights = [...summary.matchAll(/negative (\d) at [\d.]+, weight (\d\.\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(weights.map(([k]) => k)).toEqual([1, 2, 3]);
    expect(weights[0]![1]).toBeGreaterThan(weights[1]![1]!);
  });

  test('a smaller α and no margin leave fewer pairs to push, and the loss falls to zero once the lists are apart', () => {
    const state = rll.initial();
    const before = loss(rll.draw(state, kernels).summary);
    rll.setValue(state, 'alpha', 0.8);
    rll.setValue(state, 'margin', 0);
    expect(loss(rll.draw(state, kernels).summary)).toBeLessThan(before);
    state.positives = [0.2, 0.3, 0.4, 0.5];
    state.negatives = [0.9, 1, 1.1, 1.2, 1.3];
    expect(rll.draw(state, kernels).summary).toMatch(/Every positive is within α − m; L_P = 0\.000\. Every negative is beyond α; L_N = 0\.000\. Loss 0\.000\.$/);
  });
});
