/**
 * What every view of the lab (the lab page, the slide stage) does the same
 * way: its worker, started on first use, the status line and progress bar,
 * the backend choice, and requests whose errors are shown where they belong.
 */
import * as Comlink from 'comlink';
import type { LabEngine } from '../worker/engine';
import type { BackendPreference } from '../worker/runtime';
import type { LabPage } from './controller';

export type LabPageParts = Omit<LabPage, 'started' | 'render' | 'show'>;

/** The lab's worker (runtime, model, kernels, storage). */
const openLabEngine = (): Comlink.Remote<LabEngine> => Comlink.wrap<LabEngine>(new Worker(new URL('../../../workers/lab.worker.ts', import.meta.url), { type: 'module' }));

/** `errors` is where a failed request says why, unless the caller names another place (default: the status line). */
export function labPageParts(root: HTMLElement, base: string, errors?: HTMLElement): LabPageParts {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-lab-status]');
  const progressBar = $<HTMLProgressElement>('[data-lab-progress]');
  let worker: Comlink.Remote<LabEngine> | undefined;
  return {
    root,
    base,
    $,
    engine: () => (worker ??= openLabEngine()),
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
