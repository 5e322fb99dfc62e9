import { describe, expect, test } from 'vitest';
import mapAtR, { positions } from '../../src/figures/definitions/map-at-r';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';
import { recallAt, retrieval } from './kernels/retrieval-reference';

const kernels = await loadKernelsInNode();
const labels = Array.from({ length: 18 }, (_, i) => Math.floor(i / 6));
const spreads = Array.from({ length: 21 }, (_, i) => i / 20);
const read = (summary: string, name: string) => Number(new RegExp(`${name} (\\d+) %`).exec(summary)![1]) / 100;
const at = (spread: number) => ({ ...mapAtR.initial(), spread });

/** The figure's points as a matrix, and the f64 reference's means over them. */
function reference(state: ReturnType<typeof mapAtR.initial>) {
  const points = positions(state);
  const m = { data: Float32Array.from(points.flatMap((p) => [p.x, p.y])), rows: points.length, cols: 2 };
  const r = retrieval('euclidean', m, labels);
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  return { points, mapAtR: mean(r.apAtR), rPrecision: mean(r.rPrecision), recall1: mean(r.firstHit.map((hit) => recallAt(hit, 1))) };
}

describe('MAP@R figure', () => {
  test('as the classes spread, Recall@1 stays at 100 % while MAP@R goes from 100 % down to 20 %, as the caption says', () => {
    for (const spread of spreads) {
      const { summary } = mapAtR.draw(at(spread), kernels);
      const expected = reference(at(spread));
      expect(read(summary, 'Recall@1')).toBe(1);
      expect(expected.recall1).toBe(1);
      expect(read(summary, 'MAP@R')).toBeCloseTo(Math.round(100 * expected.mapAtR) / 100, 10);
      expect(read(summary, 'R-precision')).toBeCloseTo(Math.round(100 * expected.rPrecision) / 100, 10);
      // Not step by step: where two points swap ranks AP@R can rise a little (0.398 → 0.402 once), so the caption says only where it starts and ends.
      expect(expected.mapAtR).toBeGreaterThanOrEqual(0.2 - 1e-12);
      if (spread >= 0.5) expect(expected.mapAtR).toBeLessThan(0.4);
    }
    expect(reference(at(0)).mapAtR).toBe(1);
    expect(reference(at(1)).mapAtR).toBeCloseTo(0.2, 12);
  });

  test('each point’s partner is nearer than any point of another class, at every spread (why Recall@1 cannot move)', () => {
    for (const spread of spreads) {
      const points = positions(at(spread));
      const gap = (i: number, j: number) => Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
      const farthestPartner = Math.max(...points.map((_, i) => gap(i, i ^ 1)));
      const nearestStranger = Math.min(...points.flatMap((_, i) => points.map((_, j) => (labels[i] !== labels[j] ? gap(i, j) : Infinity))));
      expect(farthestPartner).toBeLessThan(nearestStranger);
    }
  });

  test('a point dragged onto another class lowers Recall@1, and the summary says which points now miss', () => {
    const state = mapAtR.initial();
    const target = mapAtR.handles(state).find((h) => h.id === 'p7')!;
    mapAtR.moveHandle(state, 'p0', target.x + 3, target.y);
    const { summary } = mapAtR.draw(state, kernels);
    expect(read(summary, 'Recall@1')).toBeLessThan(1);
    expect(summary).toContain('with dragged points');
    expect(summary).toMatch(/\d+ of 18 points have a nearest neighbour of another class/);
    mapAtR.act(state, 'reset');
    expect(mapAtR.draw(state, kernels).summary).not.toContain('dragged');
  });
});
