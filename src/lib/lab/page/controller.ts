/**
 * The few-shot lab's page script: a view of the lab its worker owns. It hands
 * the worker pictures (files, drawings, camera frames, transferred) and
 * requests, and renders the view and verdicts that come back. The worker
 * (runtime, model, kernels) starts only when the visitor starts the lab.
 */
import type { LabView, Picture } from '../messages';
import type { ClassActions } from './class-card';
import { createClassList } from './class-list';
import { wireFrameBox } from '../../frame/frame-box';
import { labPageOf, labPageParts, type LabPage } from './lab-page';
import { nextClassName } from '../class-names';
import { el, transferPictures } from './dom';
import { readMethod, writeMethod } from './method-form';
import { setUpOffline } from './offline';
import { readyStatus, readyStatusView } from './status-line';
import { predictionsView, type ResultNames } from './results-view';
import { mapView } from './map-view';
import { ThumbUrls } from './thumbs';
import { wireCamera } from './live';
import { wireQueries } from './query-input';
import { offerDownload, wireSaving } from './save-controls';
import { folderName } from '../class-folders';
import { wireFolderImport } from './folder-import';
import { wireModelChoice } from './model-choice';
import { wireSteps } from './steps';
import { wireStorageStatus } from './storage-status';
import { wireHeadPanel } from './head-panel';
import { wireRetrievalPanel } from './retrieval-panel';

/** How long after the model is ready the lab's files are stored for offline use. */
const KEEP_AFTER_MS = 3000;

export function startLab(root: HTMLElement, base: string): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-lab-status]');
  const classList = $<HTMLElement>('[data-lab-classes]');
  const results = $<HTMLElement>('[data-lab-results]');
  const mapBox = $<HTMLElement>('[data-lab-map]');
  const settings = $<HTMLFormElement>('[data-lab-settings]');
  const undoButton = $<HTMLButtonElement>('[data-lab-undo]');
  // `page` is made below; thumbnails are only asked for once the lab has replied.
  const thumbs = new ThumbUrls((ids) => page.engine().thumbnails(ids));
  const offline = setUpOffline(base);
  let current: LabView | undefined;
  let queryThumbs: string[] = [];
  // The results before's thumbnails: their images may still be loading once replaced, so they are revoked a redraw later.
  let replacedThumbs: string[] = [];
  // Each class's name by id, for the verdicts; the map names its points' classes by place.
  let byId = new Map<string, string>();
  const nameAt = (place: number) => current?.classes[place]?.name ?? '';

  const names: ResultNames = {
    nameOf: (id) => byId.get(id) ?? id,
    thumbOf: (id) => thumbs.url(id),
  };

  const page: LabPage = labPageOf(labPageParts(root, base), {
    started: () => current !== undefined,
    render(view) {
      const firstTime = !current;
      current = view;
      byId = new Map(view.classes.map((c) => [c.id, c.name]));
      root.dataset.kind = view.model?.kind ?? '';
      thumbs.retain(view);
      classCards.render(view.classes);
      undoButton.hidden = !view.undo;
      undoButton.textContent = view.undo ?? '';
      writeMethod(settings, view.method, view.calibration);
      headPanel.update(view, names.nameOf);
      retrieval.update(view);
      storage.update(view);
      if (view.model) showReady(view);
      if (firstTime) keepForOffline(view);
    },
    show(verdicts, problems = []) {
      replacedThumbs.forEach((url) => URL.revokeObjectURL(url));
      replacedThumbs = queryThumbs;
      queryThumbs = verdicts.queryThumbs.map((b) => URL.createObjectURL(b));
      const lines = problems.map((p) => el('p', { className: 'message' }, p));
      // Before any query (and with nothing to say) the results keep their hint; the map still follows every change.
      const asked = verdicts.report || verdicts.problem || verdicts.queryThumbs.length || lines.length;
      if (verdicts.report) results.replaceChildren(...lines, ...predictionsView(verdicts.report, names, (i) => queryThumbs[i], current?.model?.calibratedOn));
      else if (asked) results.replaceChildren(...lines, ...(verdicts.problem ? [el('p', { className: 'message' }, verdicts.problem)] : []));
      if (verdicts.map.kinds.length || !verdicts.report) mapBox.replaceChildren(...mapView(verdicts.map, nameAt));
      if (verdicts.report?.calibration) writeMethod(settings, current!.method, verdicts.report.calibration);
    },
  });

  const actions: ClassActions = {
    async rename(id, name) {
      try {
        page.apply(await page.engine().renameClass(id, name));
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
    remove: (id) => void page.attempt(async () => page.apply(await page.engine().removeClass(id))),
    removeExample: (id) => void page.attempt(async () => page.apply(await page.engine().removeExample(id))),
    addPictures: (id, pictures, message) => void addPictures(id, pictures, message),
    captureFrame: () => camera.frame(),
    addFrames: async (id, frames, message) => void (await page.attempt(() => camera.addFrames(id, frames, message), message)),
    download: (id, message) => void page.attempt(async () => offerDownload(await page.engine().exportClass(id), `${folderName(names.nameOf(id))}.zip`), message),
  };

  async function addPictures(id: string, pictures: Picture[], message: HTMLElement) {
    const reply = await page.attempt(() => page.engine().addExamples(id, transferPictures(pictures), pictures.length > 1 ? page.progress('Adding pictures') : undefined), message);
    if (!reply) return;
    message.textContent = reply.problems.join(' ');
    page.apply(reply);
  }

  /** The short ready line with its details folded; rewritten only when it changes, so open details stay open. */
  let shownReady = '';
  function showReady({ model }: LabView) {
    if (!model) return;
    const ready = readyStatus(model, offline.state());
    const key = JSON.stringify(ready);
    if (key === shownReady && status.querySelector('.status-line')) return;
    shownReady = key;
    status.replaceChildren(...readyStatusView(ready, status.querySelector('details')?.open ?? false));
  }

  /** Keeps what the lab needed in this browser, then says it works offline; waits until the first predictions are done. */
  function keepForOffline(view: LabView) {
    setTimeout(() => void page.engine().resources().then(offline.keep).then((kept) => kept && showReady(current ?? view)), KEEP_AFTER_MS);
  }

  const classCards = createClassList(classList, actions, thumbs);
  const headPanel = wireHeadPanel(page, (drawing) => mapBox.replaceChildren(...mapView(drawing, nameAt)));
  const retrieval = wireRetrievalPanel(page, { nameOf: names.nameOf, thumbOf: (id) => thumbs.url(id) });
  const camera = wireCamera(page);
  wireQueries(page);
  wireModelChoice(page);
  wireSaving(page);
  const storage = wireStorageStatus(page);
  wireFolderImport(page);
  wireSteps(root);
  undoButton.addEventListener('click', () => void page.attempt(async () => page.apply(await page.engine().undo(page.progress('Restoring')))));
  settings.addEventListener('change', () => {
    if (!page.started()) return;
    void page.attempt(async () => page.apply(await page.engine().setMethod(readMethod(settings))));
  });
  $<HTMLButtonElement>('[data-lab-add-class]').addEventListener('click', () => {
    void page.attempt(async () => page.apply(await page.engine().addClass(nextClassName(current?.classes.map((c) => c.name) ?? []))));
  });
  const frameBox = root.querySelector<HTMLElement>('.embed-box');
  if (frameBox) wireFrameBox(frameBox);
}
