/**
 * The embedding map as the page shows it, made in the worker: the SVG shapes
 * ready to parse, and the points column by column for the table. A big lab's
 * map has thousands of points (10,000 pictures: 10,020); sent as objects and
 * drawn on the page, they held it ~170 ms after a folder import (a Chromium
 * trace: reading the message, building the paths, collecting the garbage).
 * Typed columns cost the page next to nothing to receive.
 */
import type { MapPoint } from '../fewshot/map';

/** The classes' colours (`--class-0` … `--class-7` in lab.css), by place in the lab's order. */
export const CLASS_COLOURS = 8;

/** What a point is, by its index in `MapDrawing.kinds`. */
export const MAP_KINDS = ['example', 'prototype', 'query'] as const;

export interface MapDrawing {
  /** One path per colour and kind (at most 17), in a 300 × 300 view box. */
  shapes: string;
  /** Per point: its kind (an index into `MAP_KINDS`), its class's place in the lab's order (−1 for a query), x, y. */
  kinds: Uint8Array;
  places: Int32Array;
  xs: Float32Array;
  ys: Float32Array;
}

/** `classIds`: the lab's classes in order, so a point's place (its colour, its name on the page) follows the cards. */
export function drawMap(points: MapPoint[], classIds: readonly string[]): MapDrawing {
  const placeOf = new Map(classIds.map((id, place) => [id, place]));
  const n = points.length;
  const drawing: MapDrawing = { shapes: '', kinds: new Uint8Array(n), places: new Int32Array(n), xs: new Float32Array(n), ys: new Float32Array(n) };
  if (n === 0) return drawing;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) [minX, maxX, minY, maxY] = [Math.min(minX, p.x), Math.max(maxX, p.x), Math.min(minY, p.y), Math.max(maxY, p.y)];
  const scale = (v: number, lo: number, hi: number) => Math.round((20 + ((v - lo) / (hi - lo || 1)) * 260) * 100) / 100;
  const colour = (place: number) => (place < 0 ? 'var(--text)' : `var(--class-${place % CLASS_COLOURS})`);
  // One path per colour and kind, not one element per point: 200 classes × 20 examples would be 4,200 elements to
  // parse, style and paint after every reply.
  const dots = new Map<number, string[]>();
  const squares = new Map<number, string[]>();
  const crosses: string[] = [];
  points.forEach((p, i) => {
    const place = p.classId === null ? -1 : (placeOf.get(p.classId) ?? 0);
    [drawing.kinds[i], drawing.places[i], drawing.xs[i], drawing.ys[i]] = [MAP_KINDS.indexOf(p.kind), place, p.x, p.y];
    const x = scale(p.x, minX, maxX);
    const y = scale(p.y, minY, maxY);
    if (p.kind === 'query') return void crosses.push(`M${x - 6} ${y - 6}L${x + 6} ${y + 6}M${x + 6} ${y - 6}L${x - 6} ${y + 6}`);
    const [byColour, d] = p.kind === 'prototype' ? [squares, `M${x - 7} ${y - 7}h14v14h-14z`] : [dots, `M${x - 4} ${y}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0`];
    const key = place % CLASS_COLOURS;
    if (!byColour.has(key)) byColour.set(key, []);
    byColour.get(key)!.push(d);
  });
  drawing.shapes = [
    ...[...dots].map(([place, d]) => `<path d="${d.join('')}" fill="${colour(place)}" fill-opacity="0.7"/>`),
    ...[...squares].map(([place, d]) => `<path d="${d.join('')}" fill="${colour(place)}" stroke="var(--text)" stroke-width="1.5"/>`),
    ...(crosses.length ? [`<path d="${crosses.join('')}" stroke="${colour(-1)}" stroke-width="2.5"/>`] : []),
  ].join('');
  return drawing;
}
