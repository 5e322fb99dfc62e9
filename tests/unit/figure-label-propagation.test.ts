import { describe, expect, test } from 'vitest';
import figure from '../../src/figures/definitions/label-propagation';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const summaryAt = (k: number, steps: number) => {
  const state = { ...figure.initial(), k, steps };
  return figure.draw(state, kernels).summary;
};
const number = (summary: string, pattern: RegExp) => Number(pattern.exec(summary)![1]);
const ownMoon = /(\d+) lean to the class of their own moon/;
const across = /(\d+) of the graph’s edges cross/;

describe('label propagation figure', () => {
  test('at the start no label has spread', () => {
    expect(summaryAt(4, 0)).toContain('0 lean to A, 0 lean to B and 60 have not been reached');
  });

  test('on the 4-NN graph labels follow the moons: no edge crosses, and after 20 steps every point has its moon’s class', () => {
    expect(number(summaryAt(4, 20), across)).toBe(0);
    expect(number(summaryAt(4, 20), ownMoon)).toBe(60);
  });

  test('a larger k adds edges across the gap, and labels leak through them', () => {
    expect(number(summaryAt(10, 40), across)).toBeGreaterThan(0);
    expect(number(summaryAt(10, 40), ownMoon)).toBeLessThan(60);
  });

  test('Enter on a labelled point switches its class', () => {
    const state = figure.initial();
    figure.act(state, 'activate:l0');
    expect(state.labeled[0]!.label).toBe(1);
    expect(figure.draw(state, kernels).summary).toContain('labelled point 1 (class B)');
  });
});
