/**
 * The Evaluation page's "run this row in my browser": the only script the page
 * loads up front. It shows the Run buttons (without it they stay hidden, as
 * they could not work), and on a click starts the row's worker — only then is
 * the worker's code, the runtime and the data downloaded — shows its progress
 * with a Cancel, and prints the browser's result beside the published one.
 */
import kernelsUrl from '../../../build/kernels.wasm?url';
import { compare, type Published } from './comparison.ts';
import type { FewShotRequest, RowReply } from './messages.ts';

/** A section's panel: the row-independent part of the request, and each task's column. */
interface PanelData {
  request: Omit<FewShotRequest, 'kind' | 'settings' | 'kernelsUrl' | 'base'>;
  tasks: Array<{ task: string; way: number; shot: number; queries: number; episodes: number; seed: number }>;
}
/** A row's button: its settings and, per task, the published accuracy, interval and episodes' fingerprint (null where the table has none). */
interface RowData {
  label: string;
  metric: FewShotRequest['settings'][number]['metric'];
  normalize: FewShotRequest['settings'][number]['normalize'];
  refine: number;
  published: Array<[number, number, string] | null>;
}

let running: { worker: Worker; panel: HTMLElement; button: HTMLButtonElement } | undefined;

function cancel(message: string) {
  if (!running) return;
  running.worker.terminate();
  status(running.panel, message);
  running.panel.querySelector<HTMLElement>('[data-run]')!.dataset.state = 'stopped';
  running = undefined;
}

const status = (panel: HTMLElement, text: string) => (panel.querySelector<HTMLElement>('[data-status]')!.textContent = text);

function showResult(panel: HTMLElement, row: RowData, published: Published[], reply: Extract<RowReply, { type: 'done'; kind: 'few-shot' }>) {
  const rows = compare(published, reply.results);
  const table = panel.querySelector<HTMLTableElement>('[data-result]')!;
  table.querySelector('caption')!.textContent = `${row.label}: in your browser beside the published row (accuracy %, ± 95 % interval)`;
  const body = table.tBodies[0]!;
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = r.task;
      tr.append(th, ...[r.published, r.browser, r.difference].map((text) => Object.assign(document.createElement('td'), { textContent: text })));
      tr.dataset.same = String(r.same);
      return tr;
    }),
  );
  table.hidden = false;
  const agree = rows.every((r) => r.same);
  status(panel, `Done in ${reply.seconds.toFixed(1)} s (downloads included; ${reply.engine}). ${agree ? 'Every printed number matches the published one.' : 'Some printed numbers differ from the published ones: see the table.'}`);
}

function start(panel: HTMLElement, button: HTMLButtonElement) {
  cancel('Stopped, to run another row.');
  const data = JSON.parse(panel.dataset.request!) as PanelData;
  const row = JSON.parse(button.dataset.row!) as RowData;
  const tasks = data.tasks.filter((_, i) => row.published[i]);
  const published = data.tasks.flatMap((t, i) => (row.published[i] ? [{ task: t.task, accuracy: row.published[i][0], ci95: row.published[i][1], episodeFingerprint: row.published[i][2] }] : []));
  const request: FewShotRequest = {
    ...data.request,
    kind: 'few-shot',
    base: new URL(import.meta.env.BASE_URL, location.href).href,
    kernelsUrl: new URL(kernelsUrl, location.href).href,
    settings: tasks.map(({ way, shot, queries, episodes, seed }) => ({ way, shot, queries, episodes, seed, metric: row.metric, normalize: row.normalize, refine: row.refine })),
  };
  const worker = new Worker(new URL('../../workers/evaluation.worker.ts', import.meta.url), { type: 'module' });
  running = { worker, panel, button };
  worker.postMessage(request);
  const run = panel.querySelector<HTMLElement>('[data-run]')!;
  const bar = run.querySelector('progress')!;
  run.hidden = false;
  run.dataset.state = 'running';
  panel.querySelector<HTMLTableElement>('[data-result]')!.hidden = true;
  bar.value = 0;
  status(panel, `Running ${row.label}…`);
  worker.onmessage = ({ data: reply }: MessageEvent<RowReply>) => {
    if (running?.worker !== worker) return;
    if (reply.type === 'progress') {
      bar.value = reply.total > 0 ? reply.done / reply.total : 0;
      status(panel, `${reply.label}: ${reply.done.toLocaleString('en')} of ${reply.total.toLocaleString('en')}${reply.stage === 'download' ? ' bytes' : ''}`);
      return;
    }
    worker.terminate();
    running = undefined;
    run.dataset.state = 'stopped';
    if (reply.type === 'failed') status(panel, `The row could not be run: ${reply.message}`);
    else if (reply.kind === 'few-shot') ((bar.value = 1), showResult(panel, row, published, reply));
  };
  worker.onerror = (event) => {
    if (running?.worker !== worker) return;
    event.preventDefault();
    cancel(`The row could not be run: the worker stopped (${event.message || 'no reason given'}).`);
  };
}

for (const panel of document.querySelectorAll<HTMLElement>('[data-reproduce]')) {
  const section = panel.closest('section')!;
  for (const hidden of section.querySelectorAll<HTMLElement>('[data-reproduce-cell]')) hidden.hidden = false;
  panel.hidden = false;
  for (const button of section.querySelectorAll<HTMLButtonElement>('button[data-row]')) button.addEventListener('click', () => start(panel, button));
  panel.querySelector('[data-cancel]')!.addEventListener('click', () => {
    const button = running?.button;
    cancel('Cancelled: nothing was measured.');
    // The Cancel button hides once nothing runs: focus goes back to the row's own button.
    button?.focus();
  });
}
