/**
 * Prints a finished run in its panel (ReproducePanel.astro): the table of the
 * browser's numbers beside the published ones, and a status line that says
 * whether every printed number matches and how long the run took.
 */
import { compare, compareRetrieval, type ComparedRow, type Published, type PublishedRetrieval } from './comparison.ts';
import type { RowReply } from './messages.ts';
import type { HeadOptions } from '../fewshot/head-train.ts';

type Done = Extract<RowReply, { type: 'done' }>;

/** A few-shot result the row runs: a task of the panel's table, or (the learned-metric table) one of its cells, with its head. */
export interface Column {
  task: string;
  way: number;
  shot: number;
  queries: number;
  episodes: number;
  seed: number;
  head?: HeadOptions;
}

/** What a row's button carries: its settings and its published numbers (ReproduceCell.astro). */
export type RowData =
  | { kind: 'few-shot'; label: string; metric: string; normalize: string; refine: number; published: Array<[number, number, string] | null>; columns?: Array<Column | null> }
  | { kind: 'retrieval'; label: string; metric: string; normalize: string; published: PublishedRetrieval };

export const setStatus = (panel: HTMLElement, text: string) => (panel.querySelector<HTMLElement>('[data-status]')!.textContent = text);

function fill(table: HTMLTableElement, caption: string, rows: ComparedRow[]) {
  table.querySelector('caption')!.textContent = caption;
  table.tBodies[0]!.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: r.task });
      tr.append(th, ...[r.published, r.browser, r.difference].map((text) => Object.assign(document.createElement('td'), { textContent: text })));
      tr.dataset.same = String(r.same);
      return tr;
    }),
  );
}

export function showResult(panel: HTMLElement, row: RowData, fewShotPublished: Published[], reply: Done) {
  const box = panel.querySelector<HTMLElement>('[data-result]')!;
  const table = box.querySelector('table')!;
  let rows: ComparedRow[];
  if (reply.kind === 'few-shot' && row.kind === 'few-shot') {
    rows = compare(fewShotPublished, reply.results);
    fill(table, `${row.label}: in your browser beside the published row (accuracy %, ± 95 % interval)`, rows);
  } else if (reply.kind === 'retrieval' && row.kind === 'retrieval') {
    rows = compareRetrieval(row.published, reply.result);
    fill(table, `${row.label}: in your browser beside the published row (%)`, rows);
  } else throw new Error(`A ${reply.kind} result for a ${row.kind} row.`);
  box.hidden = false;
  const agree = rows.every((r) => r.same);
  setStatus(
    panel,
    `Done in ${reply.seconds.toFixed(1)} s (downloads included; ${reply.engine}). ${agree ? 'Every printed number matches the published one.' : 'Some printed numbers differ from the published ones: see the table.'}`,
  );
}
