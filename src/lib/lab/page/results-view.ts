/**
 * What the lab shows after a prediction: one card per query (verdict,
 * confidence bar and distance per class — the most likely few when there are
 * many —, nearest examples), the latest large and the rest folded, and the
 * rule the confidences and "unknown" follow. The map is map-view.ts.
 */
import type { Calibration } from '../../fewshot/fit';
import type { ClassScore, PredictionReport } from '../../fewshot/reports';
import { el, lazyFold } from './dom';

export interface ResultNames {
  nameOf(classId: string): string;
  /** The thumbnail address of an example, by id. */
  thumbOf(exampleId: string): string | undefined;
}

/** Past this many classes a verdict shows its most likely classes as bars and folds the rest: 200 bars would bury it. */
export const TOP_BARS = 5;
/** Past this many classes without examples, the note naming them names this many and counts the rest. */
const NAMED_SKIPPED = 10;

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
  if (report.skipped.length) out.push(el('p', { className: 'note' }, `Left out (no examples yet): ${namesOf(report.skipped, names)}.`));
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
    ...barsView(p, label, names),
    el(
      'p',
      { className: 'nearest' },
      'Nearest examples: ',
      ...p.nearest.map((n) => el('img', { src: names.thumbOf(n.exampleId) ?? '', 'data-thumb-id': n.exampleId, alt: `an example of ${names.nameOf(n.classId)}, distance ${n.distance.toFixed(3)}`, className: 'thumb' })),
    ),
  );
}

function namesOf(ids: string[], names: ResultNames): string {
  const named = ids.slice(0, NAMED_SKIPPED).map(names.nameOf).join(', ');
  return ids.length > NAMED_SKIPPED ? `${named} and ${ids.length - NAMED_SKIPPED} more` : named;
}

const percent = (v: number) => `${(100 * v).toFixed(1)} %`;

/**
 * A bar per class, in class order; with more than TOP_BARS classes, the most
 * likely first and the rest folded under one line that says how many they
 * are and how much probability they share (every probability is still over
 * all the classes, so the bars and that line add up to 100 %).
 */
function barsView(p: Prediction, label: string, names: ResultNames): HTMLElement[] {
  const bar = (s: ClassScore) =>
    el(
      'li',
      {},
      el('span', { className: 'bar-label' }, names.nameOf(s.classId)),
      el('meter', { min: 0, max: 1, value: s.probability, 'aria-label': `Confidence in ${names.nameOf(s.classId)}` }),
      el('span', {}, `${percent(s.probability)} · distance ${s.distance.toFixed(3)}`),
    );
  if (p.scores.length <= TOP_BARS) return [el('ul', { className: 'bars', 'aria-label': label }, ...p.scores.map(bar))];
  const ranked = [...p.scores].sort((a, b) => b.probability - a.probability);
  const rest = ranked.slice(TOP_BARS);
  const share = rest.reduce((sum, s) => sum + s.probability, 0);
  const summary = `and ${rest.length} more classes: ${percent(share)} together, none over ${percent(rest[0]!.probability)}`;
  return [
    el('ul', { className: 'bars', 'aria-label': `${label}: the ${TOP_BARS} most likely of ${ranked.length} classes` }, ...ranked.slice(0, TOP_BARS).map(bar)),
    lazyFold(summary, () => [el('ul', { className: 'bars', 'aria-label': `${label}: the other ${rest.length} classes, most likely first` }, ...rest.map(bar))], { className: 'more-classes', 'data-lab-more-classes': rest.length }),
  ];
}
