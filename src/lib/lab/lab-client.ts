/**
 * The few-shot lab's page script: builds the controls, keeps what the visitor
 * sees in step with the worker's session, and shows predictions. The worker
 * (runtime, model, kernels) starts only when the visitor starts the lab.
 */
import * as Comlink from 'comlink';
import type { LabWorkerApi } from '../../workers/lab.worker';
import type { PredictOptions, PredictionReport } from '../fewshot/session';
import { createDrawingPad, type DrawingPad } from './drawing-pad';
import { fileToPixels } from './images';

interface ClassView {
  id: string;
  name: string;
  root: HTMLElement;
  thumbnails: HTMLElement;
  count: HTMLElement;
  message: HTMLElement;
  pad: DrawingPad;
  examples: number;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {}, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('aria-') || key.startsWith('data-')) node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  node.append(...children);
  return node;
};

export function startLab(root: HTMLElement, base: string): void {
  const status = root.querySelector<HTMLElement>('[data-lab-status]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-lab-progress]')!;
  const startButton = root.querySelector<HTMLButtonElement>('[data-lab-start]')!;
  const workspace = root.querySelector<HTMLElement>('[data-lab-workspace]')!;
  const classList = root.querySelector<HTMLElement>('[data-lab-classes]')!;
  const results = root.querySelector<HTMLElement>('[data-lab-results]')!;
  const settings = root.querySelector<HTMLFormElement>('[data-lab-settings]')!;
  let worker: Comlink.Remote<LabWorkerApi> | undefined;
  const classes: ClassView[] = [];
  let lastQueries: ImageData[] = [];

  const options = (): PredictOptions => {
    const data = new FormData(settings);
    return {
      metric: data.get('metric') as PredictOptions['metric'],
      normalization: data.get('normalization') as PredictOptions['normalization'],
      temperature: Number(data.get('temperature')),
      refine: Number(data.get('refine')),
    };
  };

  const modelSelect = root.querySelector<HTMLSelectElement>('[data-lab-model]')!;
  startButton.addEventListener('click', () => void start(modelSelect.value));
  modelSelect.addEventListener('change', () => {
    if (!worker) return;
    // A new model embeds differently: the classes start over.
    for (const view of classes.splice(0)) view.root.remove();
    lastQueries = [];
    results.replaceChildren();
    void start(modelSelect.value);
  });

  async function start(modelId: string) {
    startButton.disabled = true;
    modelSelect.disabled = true;
    status.textContent = 'Starting the runtime…';
    progress.hidden = false;
    try {
      worker ??= Comlink.wrap<LabWorkerApi>(new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module' }));
      const report = await worker.load(
        modelId,
        base,
        Comlink.proxy((loaded: number, total: number) => {
          progress.max = total || loaded;
          progress.value = loaded;
          status.textContent = `Downloading the model: ${Math.round(loaded / 1024)} KB${total ? ` of ${Math.round(total / 1024)} KB (${Math.round((100 * loaded) / total)} %)` : ''}`;
        }),
      );
      progress.hidden = true;
      startButton.hidden = true;
      for (const name of ['Class A', 'Class B']) await addClass(name);
      workspace.hidden = false;
      root.dataset.kind = report.kind;
      status.textContent = `Ready: ${report.model}, ${report.dim}-d embeddings, onnxruntime-web ${report.backend}, ${report.threads} ${report.threads === 1 ? 'thread' : 'threads'}. Everything runs on this device.`;
    } catch (error) {
      progress.hidden = true;
      startButton.disabled = false;
      status.textContent = `The model could not be loaded: ${(error as Error).message} Try again.`;
    } finally {
      modelSelect.disabled = false;
    }
  }

  async function addClass(name: string) {
    const id = await worker!.addClass(name);
    const nameInput = el('input', { type: 'text', value: name, 'aria-label': 'Class name', maxLength: 80 });
    const canvas = el('canvas', { width: 160, height: 160, className: 'pad', 'aria-label': `Drawing pad for ${name}` });
    const view: ClassView = {
      id,
      name,
      root: el('article', { className: 'lab-class' }),
      thumbnails: el('ul', { className: 'thumbnails', 'aria-label': `Examples of ${name}` }),
      count: el('p', { className: 'count' }, 'No examples yet.'),
      message: el('p', { className: 'message', role: 'alert' }),
      pad: createDrawingPad(canvas),
      examples: 0,
    };
    nameInput.addEventListener('change', async () => {
      try {
        await worker!.renameClass(id, nameInput.value);
        view.name = nameInput.value.trim();
        view.message.textContent = '';
      } catch (error) {
        view.message.textContent = (error as Error).message;
      }
    });
    const files = el('input', { type: 'file', accept: 'image/*', multiple: true, className: 'visually-hidden', id: `${id}-files` });
    files.addEventListener('change', async () => {
      await addFiles(view, [...(files.files ?? [])]);
      files.value = '';
    });
    const addDrawing = el('button', { type: 'button', textContent: 'Add drawing', 'data-draw-only': '' });
    addDrawing.addEventListener('click', async () => {
      if (view.pad.isEmpty()) {
        view.message.textContent = 'Draw something on the pad first.';
        return;
      }
      view.message.textContent = '';
      // Take the drawing and free the pad at once, so the next one can start while this one is embedded.
      const pixels = view.pad.pixels();
      view.pad.clear();
      try {
        await addExample(view, pixels);
      } catch (error) {
        view.message.textContent = (error as Error).message;
      }
    });
    const undo = el('button', { type: 'button', textContent: 'Undo stroke', 'data-draw-only': '' });
    undo.addEventListener('click', () => view.pad.undo());
    const remove = el('button', { type: 'button', textContent: 'Remove class' });
    remove.addEventListener('click', async () => {
      await worker!.removeClass(id);
      classes.splice(classes.indexOf(view), 1);
      view.root.remove();
      await rerun();
    });
    view.root.append(
      el('div', { className: 'class-head' }, nameInput, remove),
      view.count,
      view.thumbnails,
      el('div', { className: 'pad-row' }, canvas, el('div', { className: 'pad-buttons' }, addDrawing, undo, el('label', { htmlFor: `${id}-files`, className: 'file-button' }, 'Add image files'), files)),
      view.message,
    );
    // Files dropped on a class, or pasted while its card has focus, become its examples.
    view.root.addEventListener('dragover', (event) => event.preventDefault());
    view.root.addEventListener('drop', (event) => {
      event.preventDefault();
      void addFiles(view, [...(event.dataTransfer?.files ?? [])]);
    });
    view.root.addEventListener('paste', (event) => {
      const pasted = [...(event.clipboardData?.files ?? [])];
      if (pasted.length) {
        event.preventDefault();
        void addFiles(view, pasted);
      }
    });
    classes.push(view);
    classList.append(view.root);
  }

  /** Adds each file it can; every file it cannot gets its own line, and the rest are kept. */
  async function addFiles(view: ClassView, files: File[]) {
    const problems: string[] = [];
    for (const file of files) {
      try {
        await addExample(view, await fileToPixels(file));
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    view.message.textContent = problems.join(' ');
  }

  async function addExample(view: ClassView, pixels: ImageData) {
    const index = await worker!.addExample(view.id, pixels);
    view.examples = index + 1;
    const thumb = el('canvas', { width: pixels.width, height: pixels.height, className: 'thumb' });
    thumb.getContext('2d')!.putImageData(pixels, 0, 0);
    view.thumbnails.append(el('li', {}, thumb));
    view.count.textContent = `${view.examples} ${view.examples === 1 ? 'example' : 'examples'}`;
    await rerun();
  }

  async function classify(queries: ImageData[]) {
    lastQueries = queries;
    await rerun();
  }

  async function rerun() {
    if (!worker || lastQueries.length === 0) return;
    let report: PredictionReport;
    try {
      report = await worker.predict(lastQueries, options());
    } catch (error) {
      results.replaceChildren(el('p', { className: 'message' }, (error as Error).message));
      return;
    }
    const nameOf = (id: string) => classes.find((c) => c.id === id)?.name ?? id;
    results.replaceChildren(
      ...report.predictions.map((p, i) => {
        const thumb = el('canvas', { width: lastQueries[i]!.width, height: lastQueries[i]!.height, className: 'thumb' });
        thumb.getContext('2d')!.putImageData(lastQueries[i]!, 0, 0);
        const verdict = p.classId === null ? 'Unknown: farther from every class than its examples are from each other' : nameOf(p.classId);
        return el(
          'article',
          { className: 'prediction' },
          thumb,
          el('p', { className: 'verdict' }, el('strong', {}, 'Prediction: '), verdict),
          el(
            'ul',
            { className: 'bars' },
            ...p.scores.map((s) =>
              el(
                'li',
                {},
                el('span', { className: 'bar-label' }, nameOf(s.classId)),
                el('meter', { min: 0, max: 1, value: s.probability, 'aria-label': `Probability of ${nameOf(s.classId)}` }),
                el('span', {}, `${(100 * s.probability).toFixed(1)} % · distance ${s.distance.toFixed(3)}`),
              ),
            ),
          ),
          ...(report.skipped.length ? [el('p', { className: 'note' }, `Left out (no examples yet): ${report.skipped.map(nameOf).join(', ')}.`)] : []),
        );
      }),
    );
  }

  root.querySelector<HTMLButtonElement>('[data-lab-add-class]')!.addEventListener('click', () => addClass(`Class ${String.fromCharCode(65 + classes.length)}`));
  settings.addEventListener('change', () => void rerun());

  const queryCanvas = root.querySelector<HTMLCanvasElement>('[data-lab-query-pad]')!;
  const queryPad = createDrawingPad(queryCanvas);
  root.querySelector<HTMLButtonElement>('[data-lab-classify]')!.addEventListener('click', () => {
    if (queryPad.isEmpty()) results.replaceChildren(el('p', { className: 'message' }, 'Draw the query on the pad first.'));
    else void classify([queryPad.pixels()]);
  });
  root.querySelector<HTMLButtonElement>('[data-lab-query-clear]')!.addEventListener('click', () => queryPad.clear());
  const queryFiles = root.querySelector<HTMLInputElement>('[data-lab-query-files]')!;
  queryFiles.addEventListener('change', async () => {
    const pixels: ImageData[] = [];
    for (const file of queryFiles.files ?? []) {
      try {
        pixels.push(await fileToPixels(file));
      } catch (error) {
        results.replaceChildren(el('p', { className: 'message' }, (error as Error).message));
      }
    }
    queryFiles.value = '';
    if (pixels.length) await classify(pixels);
  });
}
