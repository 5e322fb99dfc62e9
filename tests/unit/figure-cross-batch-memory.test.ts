import { describe, expect, test } from 'vitest';
import xbm from '../../src/figures/definitions/cross-batch-memory';
import { batchAt, BATCH, hardNegatives, stream } from '../../src/figures/memory-stream';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const anchor = { x: 1.05, y: 0.35, label: 0 };

describe('Cross-Batch Memory figure', () => {
  test('the stream is seeded: the same iteration gives the same mini-batch, and the memory is the last M / 16 of them, newest first', () => {
    expect(batchAt(42)).toEqual(batchAt(42));
    expect(new Set(batchAt(42)).size).toBe(BATCH);
    const entries = stream(100, 64, 0);
    expect(entries).toHaveLength(BATCH * 5);
    expect(entries.slice(BATCH, 2 * BATCH).map((e) => e.instance)).toEqual(batchAt(99));
    expect(entries.at(-1)!.age).toBe(4);
  });

  test('without drift the memory finds only real hard negatives, and more of them as it grows', () => {
    const counts = [0, 80, 160, 320].map((m) => hardNegatives(kernels, stream(100, m, 0), anchor, 0.5));
    for (const c of counts) expect([c.found - c.stillHard, c.missed]).toEqual([0, 0]);
    for (let k = 1; k < counts.length; k++) expect(counts[k]!.found).toBeGreaterThanOrEqual(counts[k - 1]!.found);
    expect(counts.at(-1)!.found).toBeGreaterThan(counts[0]!.batch + 5);
  });

  test('with drift the stored embeddings lag, so the memory misses hard negatives, as the summary says', () => {
    const drifting = hardNegatives(kernels, stream(100, 320, 0.05), anchor, 0.5);
    expect(drifting.missed + (drifting.found - drifting.stillHard)).toBeGreaterThan(0);
    const state = xbm.initial();
    xbm.setValue(state, 'drift', 0.05);
    xbm.setValue(state, 'memory', 320);
    expect(xbm.draw(state, kernels).summary).toContain(`the memory misses ${drifting.missed} that are`);
    xbm.act(state, 'next');
    expect(xbm.draw(state, kernels).summary).toMatch(/^Iteration 101;/);
  });
});
