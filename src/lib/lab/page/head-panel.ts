import * as Comlink from 'comlink';
import type { LabView, LearnProgress } from '../messages';
import type { LabPage } from './lab-page';
import type { HeadOptions } from '../../fewshot/head';
import { HEAD_LOSSES } from '../../fewshot/head-losses';
import type { MapDrawing } from '../map-drawing';
import { knowledgeView } from './knowledge-view';

/**
 * The "Learn a metric from my examples" panel: trains the head in the worker
 * (the page never blocks), shows its progress and the map as it moves, and
 * renders how well the lab knows each class after every change.
 */
export interface HeadPanel {
  update(view: LabView, nameOf: (id: string) => string): void;
}

export function wireHeadPanel(page: LabPage, showMap: (drawing: MapDrawing) => void): HeadPanel {
  const form = page.$<HTMLFormElement>('[data-lab-head-form]');
  const learn = page.$<HTMLButtonElement>('[data-lab-head-learn]');
  const reset = page.$<HTMLButtonElement>('[data-lab-head-reset]');
  const bar = page.$<HTMLProgressElement>('[data-lab-head-progress]');
  const status = page.$<HTMLElement>('[data-lab-head-status]');
  const knowledge = page.$<HTMLElement>('[data-lab-knowledge]');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  let busy = false;
  // Snapshots of the map arrive faster than a screen shows them: play one per frame so the proxies are seen moving.
  let frames: MapDrawing[] = [];
  const play = () => {
    const next = frames.shift();
    if (next) showMap(next);
    if (frames.length) requestAnimationFrame(play);
  };

  field('loss').addEventListener('change', () => {
    const option = (field('loss') as unknown as HTMLSelectElement).selectedOptions[0]!;
    field('steps').value = option.dataset.steps!;
    field('rate').value = option.dataset.rate!;
  });

  // Progress comes over the callback's own message port, so it can arrive after the result: late reports are dropped.
  const onProgress = Comlink.proxy((p: LearnProgress) => {
    if (!busy) return;
    bar.hidden = false;
    if (p.phase === 'training') {
      bar.max = p.steps;
      bar.value = p.step;
      status.textContent = `Learning: step ${p.step} of ${p.steps}, loss ${p.loss.toFixed(4)}.`;
      if (frames.push(p.map) === 1) requestAnimationFrame(play);
    } else {
      bar.max = p.rounds;
      bar.value = p.round;
      status.textContent = `Checking on examples it did not see: round ${p.round} of ${p.rounds}.`;
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy || !form.reportValidity()) return;
    const options: HeadOptions = { loss: field('loss').value as HeadOptions['loss'], steps: Number(field('steps').value), rate: Number(field('rate').value) };
    busy = true;
    learn.disabled = true;
    void page
      .attempt(async () => {
        const reply = await page.engine().learnMetric(options, onProgress);
        busy = false;
        frames = [];
        page.apply(reply);
      }, status)
      .finally(() => {
        // After a failure the status keeps the error; the button comes back for another try.
        busy = false;
        bar.hidden = true;
        learn.disabled = !last?.[0].head.canLearn;
      });
  });

  reset.addEventListener('click', () => {
    void page.attempt(async () => page.apply(await page.engine().usePrototypes()), status);
  });

  let last: Parameters<HeadPanel['update']> | undefined;
  let shownKnowledge = '';
  const panel: HeadPanel = {
    update(view, nameOf) {
      last = [view, nameOf];
      const { head } = view;
      learn.disabled = busy || !head.canLearn;
      reset.hidden = !head.options;
      if (head.options && !busy) {
        const label = HEAD_LOSSES.find((l) => l.id === head.options!.loss)!.label;
        status.textContent = head.canLearn
          ? `On: verdicts, confidences, “unknown” and the map use the metric learned with ${label} (${head.options.steps} steps, learning rate ${head.options.rate}).`
          : `Off for now: ${head.reason} Verdicts use plain prototypes until then.`;
      } else if (!busy) status.textContent = head.reason ?? 'Ready: verdicts use plain prototypes until you learn a metric.';
      // Rebuilt only when it changes: with many classes its confusion matrix is the largest table on the page.
      const key = JSON.stringify([head.knowledge, head.knowledge?.classIds.map(nameOf)]);
      if (key !== shownKnowledge) knowledge.replaceChildren(...(head.knowledge ? knowledgeView(head.knowledge, nameOf) : []));
      shownKnowledge = key;
    },
  };
  return panel;
}
