/**
 * Queries: drawn on the query pad, picked as files, or dropped or pasted on
 * the query area. They go to the worker as pictures; the worker keeps them and
 * classifies them again in its reply to every change of the lab.
 */
import { createDrawingPad } from './drawing-pad';
import { el, transferPictures } from './dom';
import { acceptDroppedAndPastedFiles } from './images';
import type { Picture } from '../messages';
import type { LabPage } from './lab-page';

export function wireQueries(page: LabPage) {
  const { $ } = page;
  const results = $<HTMLElement>('[data-lab-results]');
  const pad = createDrawingPad($<HTMLCanvasElement>('[data-lab-query-pad]'));

  async function classify(pictures: Picture[]) {
    const reply = await page.attempt(() => page.engine().predict(transferPictures(pictures)), results);
    if (reply) page.show(reply.verdicts, reply.problems);
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
}
