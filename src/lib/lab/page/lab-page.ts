/**
 * What every view of the lab (the lab page, the slide stage) does the same
 * way: its worker, started on first use, the status line and progress bar,
 * the backend choice, and requests whose errors are shown where they belong.
 */
import * as Comlink from 'comlink';
// The one place the page names the worker's code: as a type, for Comlink.
import type { LabEngine } from '../worker/engine';
import type { BackendPreference, LabReply, LabView, Verdicts } from '../messages';
import { superviseLabWorker, type LabWorker } from './worker-supervisor';

/** What the panels get from the view they are part of (the lab page or the stage); panels never import the view itself. */
export interface LabPage {
  root: HTMLElement;
  base: string;
  $<T extends HTMLElement>(selector: string): T;
  engine(): Comlink.Remote<LabEngine>;
  /** What to do after the worker died and a new one took its place (page/worker-supervisor.ts). */
  onWorkerRestart(listener: () => Promise<void>): void;
  started(): boolean;
  backend(): BackendPreference;
  say(message: string): void;
  progress(label: string): (done: number, total: number) => void;
  render(view: LabView): void;
  show(verdicts: Verdicts, problems?: string[]): void;
  /** The one reply to a change: the view rendered, then its verdicts (and map) shown. */
  apply(reply: LabReply): void;
  /** Runs a request to the worker, showing its error in `where` (or the status line). */
  attempt<T>(task: () => Promise<T>, where?: HTMLElement): Promise<T | undefined>;
}

type ViewParts = Pick<LabPage, 'started' | 'render' | 'show'>;
export type LabPageParts = Omit<LabPage, keyof ViewParts | 'apply'>;

/** A view's page: the shared parts, the view's own rendering, and `apply` made of them. */
export function labPageOf(parts: LabPageParts, view: ViewParts): LabPage {
  return {
    ...parts,
    ...view,
    apply({ view: next, verdicts }) {
      view.render(next);
      view.show(verdicts);
    },
  };
}

/** The lab's worker (runtime, model, kernels, storage). */
const openLabWorker = () => new Worker(new URL('../../../workers/lab.worker.ts', import.meta.url), { type: 'module' });

/** `errors` is where a failed request says why, unless the caller names another place (default: the status line). */
export function labPageParts(root: HTMLElement, base: string, errors?: HTMLElement): LabPageParts {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-lab-status]');
  const progressBar = $<HTMLProgressElement>('[data-lab-progress]');
  let worker: LabWorker<LabEngine> | undefined;
  const supervised = () => (worker ??= superviseLabWorker<LabEngine>(openLabWorker));
  return {
    root,
    base,
    $,
    engine: () => supervised().engine,
    onWorkerRestart: (listener) => supervised().onRestart(listener),
    backend: () => $<HTMLSelectElement>('[data-lab-backend]').value as BackendPreference,
    say: (message) => (status.textContent = message),
    progress(label) {
      progressBar.hidden = false;
      return Comlink.proxy((done: number, total: number) => {
        progressBar.max = total || 1;
        progressBar.value = done;
        progressBar.hidden = done >= total;
        status.textContent = `${label}: ${done} of ${total}`;
      });
    },
    async attempt(task, where = errors ?? status) {
      try {
        return await task();
      } catch (error) {
        where.textContent = (error as Error).message.replace(/^Error: /, '');
        return undefined;
      }
    },
  };
}
