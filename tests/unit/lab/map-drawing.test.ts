import { describe, expect, test } from 'vitest';
import { drawMap, MAP_KINDS } from '../../../src/lib/lab/map-drawing';
import type { MapPoint } from '../../../src/lib/fewshot/map';

describe('drawMap: the map made in the worker', () => {
  const points: MapPoint[] = [
    { kind: 'example', classId: 'b', exampleId: 'e1', x: 0, y: 0 },
    { kind: 'example', classId: 'a', exampleId: 'e2', x: 1, y: 2 },
    { kind: 'prototype', classId: 'a', x: 0.5, y: 1 },
    { kind: 'query', classId: null, x: 1, y: 0 },
  ];

  test('each point keeps its kind, its class’s place in the lab’s order and its coordinates', () => {
    const d = drawMap(points, ['a', 'b']);
    expect(Array.from(d.kinds, (k) => MAP_KINDS[k])).toEqual(['example', 'example', 'prototype', 'query']);
    expect(Array.from(d.places)).toEqual([1, 0, 0, -1]);
    expect(Array.from(d.xs)).toEqual([0, 1, 0.5, 1]);
    expect(Array.from(d.ys)).toEqual([0, 2, 1, 0]);
  });

  test('one path per colour and kind, coloured by place (the ninth class takes the first colour again)', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ kind: 'example' as const, classId: `c${i}`, x: i, y: i }));
    const shapes = drawMap([...many, points[3]!], many.map((p) => p.classId)).shapes;
    expect(shapes.match(/<path /g)).toHaveLength(9);
    expect(shapes.match(/var\(--class-0\)/g)).toHaveLength(1);
    expect(shapes).toContain('stroke="var(--text)" stroke-width="2.5"');
    // The extremes land on the view box's margins (20 … 280).
    expect(shapes).toContain('M16 20a4 4 0 1 0 8 0');
    expect(shapes).toContain('M276 280a4 4 0 1 0 8 0');
  });

  test('no points: nothing to draw', () => {
    const d = drawMap([], []);
    expect([d.shapes, d.kinds.length]).toEqual(['', 0]);
  });
});
