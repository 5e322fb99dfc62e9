/**
 * What the lab shows after a prediction: one card per query (verdict,
 * confidence bar and distance per class, nearest examples), the latest large
 * and the rest folded, the rule the confidences and "unknown" follow, and the
 * embedding map as an SVG scatter with the same points as a table.
 */
import type { Calibration } from '../../fewshot/fit';
import type { MapPoint } from '../../fewshot/map';
import type { PredictionReport } from '../../fewshot/reports';
import { el } from './dom';

export interface ResultNames {
  nameOf(classId: string): string;
  /** Index into the site's eight class colours. */
  colourOf(classId: string): number;
  /** The thumbnail address of an example, by id. */
  thumbOf(exampleId: string): string | undefined;
}

const number = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3));

/** What the bars are: the temperature in force and where it came from. */
export function confidenceLabel(c: Calibration, calibratedOn?: string, learned = false): string {
  const t = `T = ${number(c.temperature)}`;
  if (c.temperatureSource === 'examples' && learned) return `Confidence with the learned metric, calibrated on your examples, each judged by the metric retrained without it (${t})`;
  if (c.temperatureSource === 'examples') return `Confidence, calibrated on your own examples (leave-one-out, ${t})`;
  if (c.temperatureSource === 'card') return `Confidence, calibrated on held-out validation classes of ${calibratedOn ?? 'the model’s evaluation data'} (${t}); your examples take over once two classes have two each`;
  if (c.temperatureSource === 'manual') return `Softmax of −distance / T with your temperature (${t}): not calibrated`;
  return `Softmax of −distance / T (${t}): this model has no calibration, so the numbers are not probabilities you can trust`;
}

/** The open-set rule in force, in words the page can show as it is. */
export function unknownRule(c: Calibration, calibratedOn?: string, learned = false): string {
  const q = `${Math.round(100 * c.quantile)}th percentile`;
  if (learned && c.thresholdSource === 'examples') {
    return `With the learned metric, a query is “unknown” when its distance to the nearest class (one minus its similarity to the class: the cosine similarity to the class’s proxy or, for SoftTriple, a soft maximum of the cosine similarities to the class’s centres) is above ${number(c.threshold)}: the ${q} of your examples’ distances to their own class, each judged by the metric retrained without it (${c.samples} distances).`;
  }
  if (c.thresholdSource === 'examples') {
    return `A query is “unknown” when its distance to the nearest prototype is above ${number(c.threshold)}: the ${q} of your examples’ distances to their own class’s prototype with each example left out (${c.samples} distances).`;
  }
  if (c.thresholdSource === 'card') {
    return `A query is “unknown” when its distance to the nearest prototype is above ${number(c.threshold)}: the model card’s one-example threshold, the ${q} of same-class distances on held-out validation classes of ${calibratedOn ?? 'its evaluation data'}. Once your classes give at least 4 leave-one-out distances (e.g. two classes with two examples each), your examples set it.`;
  }
  return `No query is called “unknown” yet: this model has no calibrated threshold, and your examples give ${c.samples} leave-one-out ${c.samples === 1 ? 'distance' : 'distances'} (one per example of a class with two or more), fewer than the 4 needed to set one.`;
}

/**
 * The verdicts, latest first and large; the other queries of the same request
 * folded below it, and the rule in force folded under them. Classes without
 * examples are named once, above everything.
 */
export function predictionsView(report: PredictionReport, names: ResultNames, queryThumb: (query: number) => string | undefined, calibratedOn?: string): HTMLElement[] {
  const label = confidenceLabel(report.calibration, calibratedOn, report.head !== null);
  const cards = report.predictions.map((p, i) => predictionCard(p, i, label, names, queryThumb(i)));
  cards[0]?.classList.add('latest');
  const out: HTMLElement[] = [];
  if (report.skipped.length) out.push(el('p', { className: 'note' }, `Left out (no examples yet): ${report.skipped.map(names.nameOf).join(', ')}.`));
  out.push(...cards.slice(0, 1));
  if (cards.length > 1) out.push(el('details', { className: 'history' }, el('summary', {}, `The other ${cards.length - 1} ${cards.length === 2 ? 'query' : 'queries'}`), ...cards.slice(1)));
  out.push(el('details', { className: 'rule' }, el('summary', {}, 'How the confidences and “unknown” are decided'), el('p', { className: 'note calibration-note' }, `${label}. ${unknownRule(report.calibration, calibratedOn, report.head !== null)}`)));
  return out;
}

type Prediction = PredictionReport['predictions'][number];

function predictionCard(p: Prediction, i: number, label: string, names: ResultNames, thumb: string | undefined): HTMLElement {
  const verdict = p.classId === null ? `Unknown (nearest: ${names.nameOf(p.nearestClassId)})` : names.nameOf(p.classId);
  return el(
    'article',
    { className: 'prediction', 'aria-label': `Query ${i + 1}` },
    ...(thumb ? [el('img', { src: thumb, alt: `Query ${i + 1}`, className: 'thumb' })] : []),
    el('p', { className: 'verdict' }, el('strong', {}, 'Prediction: '), verdict),
    el(
      'ul',
      { className: 'bars', 'aria-label': label },
      ...p.scores.map((s) =>
        el(
          'li',
          {},
          el('span', { className: 'bar-label' }, names.nameOf(s.classId)),
          el('meter', { min: 0, max: 1, value: s.probability, 'aria-label': `Confidence in ${names.nameOf(s.classId)}` }),
          el('span', {}, `${(100 * s.probability).toFixed(1)} % · distance ${s.distance.toFixed(3)}`),
        ),
      ),
    ),
    el(
      'p',
      { className: 'nearest' },
      'Nearest examples: ',
      ...p.nearest.map((n) => el('img', { src: names.thumbOf(n.exampleId) ?? '', alt: `an example of ${names.nameOf(n.classId)}, distance ${n.distance.toFixed(3)}`, className: 'thumb' })),
    ),
  );
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
