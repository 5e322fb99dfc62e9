/**
 * The lab on a slide (/embed/lab/?layout=stage): the camera or a drawing pad,
 * one large button per class and the latest verdict, large, with its bar. It
 * is a second view of the same lab: the same worker (LabEngine), model choice
 * and example sets (model-choice.ts), camera and live verdicts (live.ts) and
 * drawing pad as the lab page, with buttons sized for a room. Photo classes
 * record while their button is held (hold-to-record.ts); drawings are added
 * with a press.
 */
import type { LabView, Verdicts } from '../messages';
import { nextClassName } from '../class-names';
import { createDrawingPad } from './drawing-pad';
import { el, transferPictures } from './dom';
import { holdToRecord, type HoldToRecord } from './hold-to-record';
import { labPageOf, labPageParts, type LabPage } from './lab-page';
import { wireCamera } from './live';
import { wireModelChoice } from './model-choice';
import { confidenceLabel } from './results-view';

export function startStage(root: HTMLElement, base: string): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-lab-status]');
  const buttons = $<HTMLElement>('[data-stage-classes]');
  const message = $<HTMLElement>('[data-stage-message]');
  const verdictName = $<HTMLElement>('[data-stage-verdict]');
  const meter = $<HTMLMeterElement>('[data-stage-meter]');
  const confidence = $<HTMLElement>('[data-stage-confidence]');
  const queryImage = $<HTMLImageElement>('[data-stage-query]');
  const undoButton = $<HTMLButtonElement>('[data-lab-undo]');
  const pad = createDrawingPad($<HTMLCanvasElement>('[data-stage-pad]'), () => void classifyDrawing());
  let current: LabView | undefined;
  let recorders: HoldToRecord[] = [];
  let shownClasses = '';

  const page: LabPage = labPageOf(labPageParts(root, base, message), {
    started: () => current !== undefined,
    render(view) {
      current = view;
      root.dataset.kind = view.model?.kind ?? '';
      if (view.model) status.textContent = `${view.model.model} · onnxruntime-web ${view.model.backend} · everything runs on this device`;
      renderClasses(view);
      // The example set replaces the visitor's classes; the lab keeps them for this undo.
      undoButton.hidden = !view.undo;
      undoButton.textContent = view.undo ?? '';
    },
    show,
  });

  const nameOf = (id: string) => current?.classes.find((c) => c.id === id)?.name ?? id;

  /** The latest query's verdict, large: its class (or "Unknown"), the bar of its confidence, and the picture when there is one. */
  function show(verdicts: Verdicts) {
    const report = verdicts.report;
    const latest = report?.predictions.at(-1);
    if (!report || !latest) {
      verdictName.textContent = '—';
      confidence.textContent = verdicts.problem ?? '';
      meter.value = 0;
      return;
    }
    const winner = latest.classId ?? latest.nearestClassId;
    const probability = latest.scores.find((s) => s.classId === winner)?.probability ?? 0;
    verdictName.textContent = latest.classId === null ? `Unknown (nearest: ${nameOf(winner)})` : nameOf(winner);
    meter.value = probability;
    meter.setAttribute('aria-label', `Confidence in ${nameOf(winner)}`);
    confidence.textContent = `${(100 * probability).toFixed(0)} % · ${confidenceLabel(report.calibration, current?.model?.calibratedOn)}`;
    const thumb = verdicts.queryThumbs.at(-1);
    if (queryImage.src) URL.revokeObjectURL(queryImage.src);
    queryImage.hidden = !thumb;
    if (thumb) queryImage.src = URL.createObjectURL(thumb);
  }

  /** One button per class: its name and count; a photo class records while held, a drawing is added with a press. Buttons live as long as their class, so a hold survives the updates its own frames bring. */
  function renderClasses(view: LabView) {
    const key = JSON.stringify([view.model?.kind, view.classes.map((c) => [c.id, c.name])]);
    if (key !== shownClasses) {
      shownClasses = key;
      recorders.forEach((r) => r.dispose());
      recorders = [];
      buttons.replaceChildren(
        ...view.classes.map((c) => {
          const button = el('button', { type: 'button', className: 'stage-class', 'aria-describedby': 'stage-hint', 'data-class-id': c.id }, el('span', { className: 'stage-class-name' }, c.name), el('span', { className: 'stage-count' }));
          if (view.model?.kind === 'photo') recorders.push(recordWhileHeld(button, c.id));
          else button.addEventListener('click', () => void addDrawing(c.id));
          return button;
        }),
      );
    }
    for (const c of view.classes) {
      const count = buttons.querySelector(`[data-class-id="${c.id}"] .stage-count`)!;
      count.textContent = `${c.exampleIds.length} ${c.exampleIds.length === 1 ? 'example' : 'examples'}`;
    }
  }

  function recordWhileHeld(button: HTMLButtonElement, classId: string): HoldToRecord {
    const counter = el('span', { className: 'stage-recording', role: 'status' });
    button.append(counter);
    return holdToRecord(button, {
      capture: () => camera.frame(),
      deliver: (frames) => camera.addFrames(classId, frames, message),
      onCount: ({ count, recording, pending }) => {
        button.classList.toggle('recording', recording);
        counter.textContent = recording ? `recording: ${count} frames` : pending ? `adding ${pending}…` : '';
        root.dataset.recorded = String(count);
      },
      onError: (error) => (message.textContent = error.message),
    });
  }

  async function addDrawing(classId: string) {
    if (pad.isEmpty()) return void (message.textContent = 'Draw on the pad first, then press the class it belongs to.');
    message.textContent = '';
    const bitmap = await pad.take();
    const result = await page.attempt(() => page.engine().addExamples(classId, transferPictures([{ source: bitmap, name: 'your drawing' }])));
    if (!result) return;
    message.textContent = result.problems.join(' ');
    page.apply(result);
  }

  /** Each finished stroke asks the lab what the drawing is. */
  async function classifyDrawing() {
    if (!page.started() || pad.isEmpty()) return;
    const bitmap = await pad.bitmap();
    const reply = await page.attempt(() => page.engine().predict(transferPictures([{ source: bitmap, name: 'your drawing' }])));
    if (reply) show(reply.verdicts);
  }

  const camera = wireCamera(page);
  wireModelChoice(page);
  undoButton.addEventListener('click', () => void page.attempt(async () => page.apply(await page.engine().undo(page.progress('Restoring')))));
  $<HTMLButtonElement>('[data-stage-clear-pad]').addEventListener('click', () => pad.clear());
  $<HTMLButtonElement>('[data-stage-add-class]').addEventListener('click', () => {
    void page.attempt(async () => page.apply(await page.engine().addClass(nextClassName(current?.classes.map((c) => c.name) ?? []))));
  });
}
