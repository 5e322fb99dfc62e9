/**
 * The embedding map as an SVG scatter, with the same points as a table. A
 * big lab has thousands of points (200 classes × 20 examples): the drawing is
 * a few paths (one per colour and kind) in one string parsed once, and the
 * table is built only when its fold opens, so a reply never holds the page long.
 */
import type { MapPoint } from '../../fewshot/map';
import { el, lazyFold } from './dom';
import type { ResultNames } from './results-view';

export function mapView(points: MapPoint[], { nameOf, colourOf }: ResultNames): Node[] {
  if (points.length === 0) return [];
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) [minX, maxX, minY, maxY] = [Math.min(minX, p.x), Math.max(maxX, p.x), Math.min(minY, p.y), Math.max(maxY, p.y)];
  const scale = (v: number, lo: number, hi: number) => +(20 + ((v - lo) / (hi - lo || 1)) * 260).toFixed(2);
  const colour = (place: number | null) => (place === null ? 'var(--text)' : `var(--class-${place})`);
  // One path per colour and kind, not one element per point: 200 classes × 20 examples would be 4,200 elements to
  // parse, style and paint after every reply; this is at most 17.
  const dots = new Map<number, string[]>();
  const squares = new Map<number, string[]>();
  const crosses: string[] = [];
  for (const p of points) {
    const x = scale(p.x, minX, maxX);
    const y = scale(p.y, minY, maxY);
    if (p.kind === 'query') crosses.push(`M${x - 6} ${y - 6}L${x + 6} ${y + 6}M${x + 6} ${y - 6}L${x - 6} ${y + 6}`);
    else {
      const [byColour, d] = p.kind === 'prototype' ? [squares, `M${x - 7} ${y - 7}h14v14h-14z`] : [dots, `M${x - 4} ${y}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0`];
      const place = colourOf(p.classId!);
      if (!byColour.has(place)) byColour.set(place, []);
      byColour.get(place)!.push(d);
    }
  }
  const shapes = [
    ...[...dots].map(([place, d]) => `<path d="${d.join('')}" fill="${colour(place)}" fill-opacity="0.7"/>`),
    ...[...squares].map(([place, d]) => `<path d="${d.join('')}" fill="${colour(place)}" stroke="var(--text)" stroke-width="1.5"/>`),
    ...(crosses.length ? [`<path d="${crosses.join('')}" stroke="${colour(null)}" stroke-width="2.5"/>`] : []),
  ];
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 300 300');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Embedding map: examples as dots, prototypes as squares, queries as crosses; the table below lists the same points.');
  svg.innerHTML = shapes.join('');
  const table = () => [
    el(
      'div',
      // Scrolls sideways when the table is wider than the part; it takes focus, so a keyboard can scroll it.
      { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': 'The map’s points' },
      el(
        'table',
        { className: 'map-table' },
        el('caption', {}, 'The map’s points: first and second principal coordinates'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Point'), el('th', { scope: 'col' }, 'Class'), el('th', { scope: 'col' }, 'x'), el('th', { scope: 'col' }, 'y'))),
        el('tbody', {}, ...points.map((p) => el('tr', {}, el('td', {}, p.kind), el('td', {}, p.classId ? nameOf(p.classId) : '—'), el('td', {}, p.x.toFixed(3)), el('td', {}, p.y.toFixed(3))))),
      ),
    ),
  ];
  return [svg, lazyFold(`The map as a table (${points.length} points)`, table)];
}
