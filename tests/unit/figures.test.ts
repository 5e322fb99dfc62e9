import { describe, expect, test } from 'vitest';
import poincare from '../../src/figures/definitions/poincare-disk';
import { treeEdges } from '../../src/figures/hyperbolic-tree';
import snr from '../../src/figures/definitions/snr-distance';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const inDisk = ({ t, angle }: { t: number; angle: number }) => [Math.tanh(t / 2) * Math.cos(angle), Math.tanh(t / 2) * Math.sin(angle)] as const;
const poincareDistance = (u: readonly number[], v: readonly number[]) => {
  const gap = (u[0]! - v[0]!) ** 2 + (u[1]! - v[1]!) ** 2;
  return Math.acosh(1 + (2 * gap) / ((1 - u[0]! ** 2 - u[1]! ** 2) * (1 - v[0]! ** 2 - v[1]! ** 2)));
};

describe('Poincaré disk figure', () => {
  test('its tree has every edge of hyperbolic length 1, as the caption says', () => {
    const edges = treeEdges();
    expect(edges).toHaveLength(3 + 6 + 12 + 24);
    for (const e of edges) expect(poincareDistance(inDisk(e.parent), inDisk(e.child))).toBeCloseTo(1, 9);
  });

  test('near the edge the ratio tends to 1 and the gap to −2 ln sin(θ/2)', () => {
    const state = poincare.initial();
    poincare.act(state, 'edge');
    const { summary } = poincare.draw(state, kernels);
    const [, ratio] = /ratio is (\d+\.\d+)/.exec(summary)!;
    const [, gap] = /and the gap (\d+\.\d+)/.exec(summary)!;
    const [, limit] = /−2 ln sin\(θ\/2\) = (\d+\.\d+)/.exec(summary)!;
    expect(Number(ratio)).toBeGreaterThan(0.9);
    expect(Math.abs(Number(gap) - Number(limit))).toBeLessThan(0.05);
  });
});

describe('SNR figure', () => {
  test('is invariant to an offset but not to scale: b = 2a gives distance 1', () => {
    const distanceAt = (offset: number, gain: number) => {
      const state = { ...snr.initial(), offset, gain, noise: 0 };
      return Number(/SNR distance var\(b − a\) \/ var\(a\) = (\d+\.\d+)/.exec(snr.draw(state, kernels).summary)![1]);
    };
    expect(distanceAt(1.5, 1)).toBeCloseTo(0, 3);
    expect(distanceAt(0, 2)).toBeCloseTo(1, 3);
    expect(distanceAt(0.7, 0.5)).toBeCloseTo(0.25, 3);
  });
});

describe('FIGURES', () => {
  test('gathers every definition file’s own metadata, once, with the definition’s id', async () => {
    const { readdirSync } = await import('node:fs');
    const { FIGURES } = await import('../../src/figures/registry');
    const files = readdirSync(new URL('../../src/figures/definitions/', import.meta.url)).filter((f) => f.endsWith('.ts'));
    expect(FIGURES.map((f) => `${f.id}.ts`).sort()).toEqual(files.sort());
    for (const meta of FIGURES) {
      const module = await import(`../../src/figures/definitions/${meta.id}.ts`);
      expect(module.meta).toBe(meta);
      expect(module.default.id).toBe(meta.id);
    }
  });
});
