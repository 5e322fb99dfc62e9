import type { LabView } from '../messages';
import type { LabPage } from './lab-page';
import { retrievalView, type RetrievalNames } from './retrieval-view';

/**
 * The "How well your examples retrieve each other" fold: every example
 * against all the others is n² distances, so the worker is asked only while
 * the fold is open (when it opens, and after each change the page renders);
 * a closed fold costs nothing. A confusing pair's Remove and Move go to the
 * worker as undoable changes, and their reply is applied like any other.
 */
export interface RetrievalPanel {
  update(view: LabView): void;
}

export function wireRetrievalPanel(page: LabPage, names: RetrievalNames): RetrievalPanel {
  const fold = page.$<HTMLDetailsElement>('[data-lab-retrieval]');
  const body = page.$<HTMLElement>('[data-lab-retrieval-body]');
  const status = page.$<HTMLElement>('[data-lab-retrieval-status]');
  const paperUrl = fold.dataset.paper!;
  // Each request is numbered: an answer to an older one (the lab changed meanwhile) is dropped.
  let asked = 0;
  let shown = '';

  const actions = {
    remove: (id: string) => void page.attempt(async () => page.apply(await page.engine().removeExampleUndoably(id)), status),
    move: (id: string, to: string) => void page.attempt(async () => page.apply(await page.engine().moveExample(id, to)), status),
  };

  async function refresh() {
    if (!fold.open || !page.started()) return;
    const mine = ++asked;
    status.textContent = 'Measuring…';
    const report = await page.attempt(() => page.engine().retrieval(), status);
    if (mine !== asked || report === undefined) return;
    if (!report) {
      status.textContent = 'Needs two classes with examples.';
      body.replaceChildren();
      shown = '';
      return;
    }
    status.textContent = '';
    // Rebuilt only when it changes, so a focused button is not replaced by an identical one.
    const key = JSON.stringify([report, report.classIds.map(names.nameOf)]);
    if (key !== shown) body.replaceChildren(...retrievalView(report, names, paperUrl, actions));
    shown = key;
  }

  fold.addEventListener('toggle', () => void refresh());
  return { update: () => void refresh() };
}
