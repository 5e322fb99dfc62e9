/**
 * The embedding map as an SVG scatter, with the same points as a table. The
 * worker draws it (map-drawing.ts): the page parses its shapes, one string,
 * and builds the table only when its fold opens, so a reply never holds the
 * page long, even with 10,000 points.
 */
import { MAP_KINDS, type MapDrawing } from '../map-drawing';
import { el, lazyFold } from './dom';

/** `nameOf`: a class's name by its place in the lab's order. */
export function mapView(drawing: MapDrawing, nameOf: (place: number) => string): Node[] {
  const { shapes, kinds, places, xs, ys } = drawing;
  if (kinds.length === 0) return [];
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 300 300');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Embedding map: examples as dots, prototypes as squares, queries as crosses; the table below lists the same points.');
  svg.innerHTML = shapes;
  const rows = () => Array.from(kinds, (kind, i) => el('tr', {}, el('td', {}, MAP_KINDS[kind]!), el('td', {}, places[i]! < 0 ? '—' : nameOf(places[i]!)), el('td', {}, xs[i]!.toFixed(3)), el('td', {}, ys[i]!.toFixed(3))));
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
        el('tbody', {}, ...rows()),
      ),
    ),
  ];
  return [svg, lazyFold(`The map as a table (${kinds.length} points)`, table)];
}
