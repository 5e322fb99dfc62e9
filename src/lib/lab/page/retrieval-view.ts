import type { ConfusingPair, RetrievalReport, RetrievalSide } from '../messages';
import type { RetrievalSummary } from '../../kernels/retrieval-summary';
import { METRICS } from '../../kernels/metrics';
import { el } from './dom';

/** What a confusing pair's buttons do; the panel sends them to the worker. */
export interface PairActions {
  remove(exampleId: string): void;
  move(exampleId: string, toClassId: string): void;
}

export interface RetrievalNames {
  nameOf(classId: string): string;
  thumbOf(exampleId: string): string | undefined;
}

const number = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');

/**
 * "How well your examples retrieve each other" (issue 25): the query set in
 * words, a table per space (R-precision, MAP@R, Recall@1 per class, each
 * explained in a line), and the confusing pairs as thumbnail pairs with their
 * fixes. Rendering only: the numbers come from the worker's retrieval kernels.
 */
export function retrievalView(report: RetrievalReport, names: RetrievalNames, paperUrl: string, actions: PairActions): Node[] {
  const n = report.examples;
  const left = report.prototypes.all.leftOut;
  const shown = report.head ?? report.prototypes;
  return [
    el(
      'p',
      { 'data-lab-retrieval-queries': '' },
      `Each of your ${n} examples is a query against the other ${n - 1}, ranked by the lab’s distance (${METRICS[report.metric].label}) between the examples as the prototypes see them (normalised as the method says).`,
      left ? ` ${left} ${left === 1 ? 'example is' : 'examples are'} alone in ${left === 1 ? 'its class' : 'their classes'}: with nothing to find, ${left === 1 ? 'it is' : 'they are'} not counted as queries.` : '',
    ),
    sideTable(report, report.prototypes, names, 'With the lab’s distance'),
    ...(report.head
      ? [
          el('p', { className: 'note' }, 'With the learned metric: each example is described by its similarity to every class’s proxy, as the head computes it, and compared by Euclidean distance. The head was trained on these same examples, so this is how well it fits them, not how it does on new ones.'),
          sideTable(report, report.head, names, 'With the learned metric'),
        ]
      : []),
    el(
      'ul',
      { className: 'retrieval-terms' },
      el('li', {}, el('strong', {}, 'R-precision: '), 'for an example whose class has R other examples, the share of its R nearest examples that are of its class.'),
      el('li', {}, el('strong', {}, 'MAP@R: '), 'the same R nearest, each one of the class scoring the precision at its rank, summed and divided by R (AP@R), then averaged; it also rewards finding the class first.'),
      el('li', {}, el('strong', {}, 'Recall@1: '), 'the share of examples whose nearest example is of their own class.'),
      el('li', {}, 'R-precision and MAP@R as in ', el('a', { href: paperUrl }, 'Musgrave, Belongie and Lim, “A Metric Learning Reality Check” (2020)'), ', which argues that Recall@1 alone hides differences.'),
    ),
    ...pairsView(shown, report, names, actions),
  ];
}

function sideTable(report: RetrievalReport, side: RetrievalSide, names: RetrievalNames, label: string): HTMLElement {
  const cells = (s: RetrievalSummary) => [el('td', {}, String(s.queries)), el('td', {}, number(s.rPrecision)), el('td', {}, number(s.mapAtR)), el('td', {}, number(s.recallAt[0]))];
  const header = el('tr', {}, ...['Class', 'Queries', 'R-precision', 'MAP@R', 'Recall@1'].map((h) => el('th', { scope: 'col' }, h)));
  const rows = report.classIds.map((id, c) => el('tr', {}, el('th', { scope: 'row' }, names.nameOf(id)), ...cells(side.perClass[c]!)));
  const all = el('tr', {}, el('th', { scope: 'row' }, 'All'), ...cells(side.all));
  const table = el('table', { className: 'retrieval-table', 'data-lab-retrieval-table': '' }, el('caption', {}, label), el('thead', {}, header), el('tbody', {}, ...rows, all));
  return el('div', { className: 'table-box', tabIndex: 0, role: 'region', 'aria-label': `Retrieval per class, ${label.toLowerCase()}` }, table);
}

function pairsView(side: RetrievalSide, report: RetrievalReport, names: RetrievalNames, actions: PairActions): Node[] {
  const by = report.head ? 'the learned metric' : 'the lab’s distance';
  if (side.confused === 0) return [el('p', { 'data-lab-retrieval-pairs': '' }, `Every example’s nearest example (by ${by}) is of its own class: no confusing pairs.`)];
  const more = side.confused > side.pairs.length ? ` The ${side.pairs.length} worst are shown.` : '';
  return [
    el('h4', {}, 'Examples that confuse it'),
    el('p', {}, `${side.confused} ${side.confused === 1 ? 'pair' : 'pairs'} of examples of different classes in which one example’s nearest example (by ${by}) is the other, at least as near as any of its own class (equal distances go to the example listed first in the lab); the worst first, by the first example’s AP@R as a query.${more}`),
    el('ul', { className: 'retrieval-pairs', 'data-lab-retrieval-pairs': '' }, ...side.pairs.map((p) => pairItem(p, names, actions))),
  ];
}

function pairItem(p: ConfusingPair, names: RetrievalNames, actions: PairActions): HTMLElement {
  const own = `${names.nameOf(p.classId)} example ${p.number}`;
  const other = `${names.nameOf(p.neighbourClassId)} example ${p.neighbourNumber}`;
  const picture = (id: string, alt: string) => el('img', { src: names.thumbOf(id) ?? '', 'data-thumb-id': id, alt, width: 64, height: 64 });
  const button = (text: string, act: () => void) => {
    const b = el('button', { type: 'button' }, text);
    b.addEventListener('click', act);
    return b;
  };
  return el(
    'li',
    { className: 'retrieval-pair' },
    el('div', { className: 'pair-pictures' }, picture(p.exampleId, own), el('span', { 'aria-hidden': 'true' }, '→'), picture(p.neighbourId, other)),
    el('p', {}, `${own}: its nearest example is ${other}.`),
    el('div', { className: 'pair-buttons' }, button(`Remove ${own}`, () => actions.remove(p.exampleId)), button(`Move ${own} to ${names.nameOf(p.neighbourClassId)}`, () => actions.move(p.exampleId, p.neighbourClassId))),
  );
}
