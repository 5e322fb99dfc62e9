/**
 * What the lab shows after a prediction: one card per query (verdict,
 * probability bar and distance per class, nearest examples), and the
 * embedding map as an SVG scatter with the same points as a table.
 */
import type { MapPoint, PredictionReport } from '../fewshot/session';
import { el } from './dom';

export interface ResultNames {
  nameOf(classId: string): string;
  /** Index into the site's eight class colours. */
  colourOf(classId: string): number;
}

export function predictionsView(
  report: PredictionReport,
  { nameOf }: ResultNames,
  queryThumb: (query: number) => string,
  exampleThumb: (classId: string, index: number) => string | undefined,
): HTMLElement[] {
  return report.predictions.map((p, i) => {
    const verdict = p.classId === null ? 'Unknown: farther from every class than its examples are from each other' : nameOf(p.classId);
    return el(
      'article',
      { className: 'prediction' },
      el('img', { src: queryThumb(i), alt: `Query ${i + 1}`, className: 'thumb' }),
      el('p', { className: 'verdict' }, el('strong', {}, 'Prediction: '), verdict),
      el(
        'ul',
        { className: 'bars' },
        ...p.scores.map((s) =>
          el(
            'li',
            {},
            el('span', { className: 'bar-label' }, nameOf(s.classId)),
            el('meter', { min: 0, max: 1, value: s.probability, 'aria-label': `Probability of ${nameOf(s.classId)}` }),
            el('span', {}, `${(100 * s.probability).toFixed(1)} % · distance ${s.distance.toFixed(3)}`),
          ),
        ),
      ),
      el(
        'p',
        { className: 'nearest' },
        'Nearest examples: ',
        ...p.nearest.map((n) => el('img', { src: exampleThumb(n.classId, n.index) ?? '', alt: `example ${n.index + 1} of ${nameOf(n.classId)}, distance ${n.distance.toFixed(3)}`, className: 'thumb' })),
      ),
      ...(report.skipped.length ? [el('p', { className: 'note' }, `Left out (no examples yet): ${report.skipped.map(nameOf).join(', ')}.`)] : []),
    );
  });
}

export function mapView(points: MapPoint[], { nameOf, colourOf }: ResultNames): Node[] {
  if (points.length === 0) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (v: number, lo: number, hi: number) => 20 + ((v - lo) / (hi - lo || 1)) * 260;
  const colour = (id: string | null) => (id === null ? 'var(--text)' : `var(--class-${colourOf(id)})`);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 300 300');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Embedding map: examples as dots, prototypes as squares, queries as crosses; the table below lists the same points.');
  for (const p of points) {
    const x = scale(p.x, minX, maxX);
    const y = scale(p.y, minY, maxY);
    const shape =
      p.kind === 'query'
        ? `<path d="M${x - 6} ${y - 6}L${x + 6} ${y + 6}M${x + 6} ${y - 6}L${x - 6} ${y + 6}" stroke="${colour(null)}" stroke-width="2.5"/>`
        : p.kind === 'prototype'
          ? `<rect x="${x - 7}" y="${y - 7}" width="14" height="14" fill="${colour(p.classId)}" stroke="var(--text)" stroke-width="1.5"/>`
          : `<circle cx="${x}" cy="${y}" r="4" fill="${colour(p.classId)}" fill-opacity="0.7"/>`;
    svg.insertAdjacentHTML('beforeend', shape);
  }
  const table = el(
    'table',
    { className: 'map-table' },
    el('caption', {}, 'The map’s points: first and second principal coordinates'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Point'), el('th', { scope: 'col' }, 'Class'), el('th', { scope: 'col' }, 'x'), el('th', { scope: 'col' }, 'y'))),
    el(
      'tbody',
      {},
      ...points.map((p) => el('tr', {}, el('td', {}, p.kind), el('td', {}, p.classId ? nameOf(p.classId) : '—'), el('td', {}, p.x.toFixed(3)), el('td', {}, p.y.toFixed(3)))),
    ),
  );
  return [svg, el('details', {}, el('summary', {}, 'The map as a table'), el('div', { className: 'table-scroll' }, table))];
}
