import { describe, expect, test } from 'vitest';
import fastap from '../../src/figures/definitions/fastap';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const read = (summary: string) => ({
  exact: Number(/Exact AP (\d\.\d+)/.exec(summary)![1]),
  fast: Number(/bins of width [\d.]+: (\d\.\d+)/.exec(summary)![1]),
});

describe('FastAP figure', () => {
  test('FastAP nears exact AP as the bins narrow, as the caption says', () => {
    const state = fastap.initial();
    const gap = (bins: number) => {
      fastap.setValue(state, 'bins', bins);
      const { exact, fast } = read(fastap.draw(state, kernels).summary);
      return Math.abs(exact - fast);
    };
    expect(gap(40)).toBeLessThan(0.02);
    expect(gap(2)).toBeGreaterThan(gap(40) + 0.1);
  });

  test('a negative dragged behind every positive raises both AP and FastAP; up on the screen is farther from the query', () => {
    const state = fastap.initial();
    const before = read(fastap.draw(state, kernels).summary);
    const nearest = fastap.handles(state).find((h) => h.id === 'n0')!;
    fastap.moveHandle(state, 'n0', nearest.x, -1e6);
    expect(state.negatives[0]).toBe(4);
    const after = read(fastap.draw(state, kernels).summary);
    expect(after.exact).toBeGreaterThan(before.exact);
    expect(after.fast).toBeGreaterThan(before.fast);
    const first = fastap.handles(state)[0]!;
    fastap.moveHandle(state, first.id, first.x, first.y - 20);
    expect(state.positives[0]).toBeGreaterThan(fastap.initial().positives[0]!);
  });
});
