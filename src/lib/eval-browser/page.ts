/**
 * The Evaluation page's "run this row in my browser": the only script the page
 * loads up front. It shows the Run buttons whose panel is on the page (without
 * it they stay hidden, as they could not work), and on a click starts the row's
 * worker — only then are the worker's code, the runtime and the data
 * downloaded — shows its progress with a Cancel, and prints the browser's
 * result beside the published one (result-view.ts).
 */
import type { Published } from './comparison.ts';
import type { RowReply, RowRequest } from './messages.ts';
import { setStatus, showResult, type Column, type RowData } from './result-view.ts';

/**
 * The kernels' address, resolved here rather than imported as a `?url` module: the figures' loader imports that
 * module too, and a module two page scripts share becomes a chunk of its own, which every topic page would then
 * request before any figure is in view.
 */
const KERNELS_URL = new URL('../../../build/kernels.wasm', import.meta.url).href;

/** A panel's data: the row-independent part of the request (headRows for the learned-metric table's), and each few-shot column's task. */
interface PanelData {
  request: Omit<RowRequest, 'kind' | 'kernelsUrl' | 'base' | 'settings' | 'metric' | 'normalize'> & { headRows?: boolean };
  tasks: Column[];
}

let running: { worker: Worker; panel: HTMLElement; button: HTMLButtonElement } | undefined;

function cancel(message: string) {
  if (!running) return;
  running.worker.terminate();
  setStatus(running.panel, message);
  running.panel.querySelector<HTMLElement>('[data-run]')!.dataset.state = 'stopped';
  running = undefined;
}

/** The request a row's button makes, and (few-shot) the published numbers of the tasks it runs. */
function requestOf(data: PanelData, row: RowData): { request: RowRequest; published: Published[] } {
  const common = { ...data.request, base: new URL(import.meta.env.BASE_URL, location.href).href, kernelsUrl: KERNELS_URL };
  if (row.kind === 'retrieval') {
    return { request: { ...common, kind: 'retrieval', metric: row.metric, normalize: row.normalize } as RowRequest, published: [] };
  }
  // A learned-metric row carries its own columns (one task, prototypes and each head); other rows run the panel's tasks.
  const columns = row.columns ?? data.tasks;
  const ran = columns.flatMap((t, i) => (t && row.published[i] ? [{ t, p: row.published[i] }] : []));
  const settings = ran.map(({ t: { way, shot, queries, episodes, seed, head } }) => ({ way, shot, queries, episodes, seed, metric: row.metric, normalize: row.normalize, refine: row.refine, ...(head ? { head } : {}) }));
  const published = ran.map(({ t, p }) => ({ task: t.task, accuracy: p[0], ci95: p[1], episodeFingerprint: p[2] }));
  return { request: { ...common, kind: 'few-shot', settings } as RowRequest, published };
}

function start(panel: HTMLElement, button: HTMLButtonElement) {
  cancel('Stopped, to run another row.');
  const row = JSON.parse(button.dataset.row!) as RowData;
  const { request, published } = requestOf(JSON.parse(panel.dataset.request!) as PanelData, row);
  const worker = new Worker(new URL('../../workers/evaluation.worker.ts', import.meta.url), { type: 'module' });
  running = { worker, panel, button };
  worker.postMessage(request);
  const run = panel.querySelector<HTMLElement>('[data-run]')!;
  const bar = run.querySelector('progress')!;
  run.hidden = false;
  run.dataset.state = 'running';
  panel.querySelector<HTMLElement>('[data-result]')!.hidden = true;
  bar.value = 0;
  setStatus(panel, `Running ${row.label}…`);
  worker.onmessage = ({ data: reply }: MessageEvent<RowReply>) => {
    if (running?.worker !== worker) return;
    if (reply.type === 'progress') {
      bar.value = reply.total > 0 ? reply.done / reply.total : 0;
      setStatus(panel, `${reply.label}: ${reply.done.toLocaleString('en')} of ${reply.total.toLocaleString('en')}${reply.stage === 'download' ? ' bytes' : ''}`);
      return;
    }
    worker.terminate();
    running = undefined;
    run.dataset.state = 'stopped';
    if (reply.type === 'failed') setStatus(panel, `The row could not be run: ${reply.message}`);
    else ((bar.value = 1), showResult(panel, row, published, reply));
  };
  worker.onerror = (event) => {
    if (running?.worker !== worker) return;
    event.preventDefault();
    cancel(`The row could not be run: the worker stopped (${event.message || 'no reason given'}).`);
  };
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-row][data-panel]')) {
  const panel = document.getElementById(button.dataset.panel!);
  if (!panel?.dataset.request) continue;
  // The button's column (its header too) shows only where its panel is there to run it.
  for (const cell of button.closest('table')!.querySelectorAll<HTMLElement>('[data-reproduce-cell]')) cell.hidden = false;
  panel.hidden = false;
  button.addEventListener('click', () => start(panel, button));
}
for (const panel of document.querySelectorAll<HTMLElement>('[data-reproduce]')) {
  panel.querySelector('[data-cancel]')!.addEventListener('click', () => {
    const button = running?.button;
    cancel('Cancelled: nothing was measured.');
    // The Cancel button hides once nothing runs: focus goes back to the row's own button.
    button?.focus();
  });
}
