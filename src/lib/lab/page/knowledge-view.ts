import type { KnowledgeReport } from '../../fewshot/reports';
import type { Knowledge } from '../../fewshot/held-out';
import { el, lazyFold } from './dom';

/** Past this many classes the confusion matrix (classes² cells: 40,000 for 200) is built only when its fold opens. */
const CONFUSION_UNFOLDED_UP_TO = 20;

/**
 * "How well it knows your classes": each class's held-out accuracy with
 * prototypes and (when on) the learned metric, the confusion matrix as a table
 * shaded like a heat map (the numbers are the text alternative), and which
 * class most needs better examples.
 */
export function knowledgeView(report: KnowledgeReport, nameOf: (id: string) => string): Node[] {
  const names = report.classIds.map(nameOf);
  const shown = report.head ?? report.prototypes;
  const percent = (k: { correct: number; total: number }) => (k.total ? `${Math.round((100 * k.correct) / k.total)} % (${k.correct} of ${k.total})` : '—');
  const header = el('tr', {}, el('th', { scope: 'col' }, 'Class'), el('th', { scope: 'col' }, 'With prototypes'), ...(report.head ? [el('th', { scope: 'col' }, 'With the learned metric')] : []));
  const rows = names.map((name, c) =>
    el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, percent(report.prototypes.perClass[c]!)), ...(report.head ? [el('td', {}, percent(report.head.perClass[c]!))] : [])),
  );
  const total = el('tr', {}, el('th', { scope: 'row' }, 'All'), el('td', {}, percent(report.prototypes)), ...(report.head ? [el('td', {}, percent(report.head))] : []));
  return [
    el('h4', {}, 'How well it knows your classes'),
    el('p', { className: 'note' }, 'Each example judged without it: prototypes leave it out of its class; the learned metric is retrained without it.'),
    tableBox('Accuracy per class', el('table', { className: 'knowledge-table', 'data-lab-knowledge-table': '' }, el('thead', {}, header), el('tbody', {}, ...rows, total))),
    ...advice(shown, names),
    confusionBox(shown, names, report.head ? 'learned metric' : 'prototypes'),
  ];
}

/** A table in a box of its own that scrolls sideways when the table is wider than the part (many classes); it takes focus, so a keyboard can scroll it. */
function tableBox(label: string, table: HTMLTableElement): HTMLElement {
  return el('div', { className: 'table-box', tabIndex: 0, role: 'region', 'aria-label': label }, table);
}

function confusionBox(k: Knowledge, names: string[], by: string): HTMLElement {
  const box = () => tableBox('Confusion matrix', confusionTable(k, names, by));
  return names.length <= CONFUSION_UNFOLDED_UP_TO ? box() : lazyFold(`Confusion matrix (${names.length} × ${names.length} classes)`, () => [box()]);
}

function advice(k: Knowledge, names: string[]): Node[] {
  const worst = k.perClass.map((c, i) => ({ i, wrong: c.total - c.correct, share: c.total ? (c.total - c.correct) / c.total : 0 })).sort((a, b) => b.share - a.share)[0];
  if (!worst || worst.wrong === 0) return [el('p', {}, 'Every example was put back in its own class.')];
  const row = k.confusion[worst.i]!;
  const mostly = row.map((v, j) => ({ v, j })).filter(({ j }) => j !== worst.i).sort((a, b) => b.v - a.v)[0]!;
  return [el('p', { 'data-lab-advice': '' }, `“${names[worst.i]}” is mistaken most often (${worst.wrong} of ${k.perClass[worst.i]!.total}, mostly for “${names[mostly.j]}”): give it more examples, or clearer ones.`)];
}

function confusionTable(k: Knowledge, names: string[], by: string): HTMLTableElement {
  const peak = Math.max(1, ...k.confusion.flat());
  const cell = (v: number, own: boolean) =>
    el('td', { className: own ? 'own' : v ? 'wrong' : '', style: `--share: ${(v / peak).toFixed(3)}` } as Record<string, unknown>, String(v));
  return el(
    'table',
    { className: 'confusion', 'data-lab-confusion': '' },
    el('caption', {}, `Confusion matrix (${by}): each row is the class an example belongs to, each column the class it was given; the diagonal is right.`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Belongs to ↓ · given →'), ...names.map((n) => el('th', { scope: 'col' }, n)))),
    el('tbody', {}, ...k.confusion.map((row, i) => el('tr', {}, el('th', { scope: 'row' }, names[i]!), ...row.map((v, j) => cell(v, i === j))))),
  );
}
