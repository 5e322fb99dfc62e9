/**
 * Queries: drawn on the query pad, picked as files, or dropped or pasted on
 * the query area. They go to the worker as pictures; after any change of the
 * lab the last queries are classified again from their cached embeddings.
 */
import { createDrawingPad } from './drawing-pad';
import { el, transferPictures } from './dom';
import { acceptDroppedAndPastedFiles } from './images';
import type { LabPage } from './controller';

export function wireQueries(page: LabPage) {
  const { $ } = page;
  const results = $<HTMLElement>('[data-lab-results]');
  const pad = createDrawingPad($<HTMLCanvasElement>('[data-lab-query-pad]'));
  let asked = false;

  async function classify(pictures: Array<{ source: Blob | ImageBitmap; name: string }>) {
    const verdicts = await page.attempt(() => page.engine().predict(transferPictures(pictures)), results);
    if (!verdicts) return;
    asked = true;
    page.show(verdicts, verdicts.problems);
  }

  $<HTMLButtonElement>('[data-lab-classify]').addEventListener('click', async () => {
    if (pad.isEmpty()) return void results.replaceChildren(el('p', { className: 'message' }, 'Draw the query on the pad first.'));
    await classify([{ source: await pad.bitmap(), name: 'your drawing' }]);
  });
  $<HTMLButtonElement>('[data-lab-query-clear]').addEventListener('click', () => pad.clear());
  const files = $<HTMLInputElement>('[data-lab-query-files]');
  files.addEventListener('change', async () => {
    const picked = [...(files.files ?? [])];
    files.value = '';
    await classify(picked.map((f) => ({ source: f, name: f.name })));
  });
  acceptDroppedAndPastedFiles($<HTMLElement>('[data-lab-query-drop]'), (dropped) => void classify(dropped.map((f) => ({ source: f, name: f.name }))));

  return {
    asked: () => asked,
    /** After examples change: the same queries, classified again (nothing re-embedded). */
    async rerun() {
      if (!asked) return;
      const verdicts = await page.attempt(() => page.engine().setMethod({}), results);
      if (verdicts) page.show(verdicts.verdicts);
    },
  };
}
