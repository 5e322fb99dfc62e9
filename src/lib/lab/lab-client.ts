/**
 * The few-shot lab's page script: builds the controls, keeps what the visitor
 * sees in step with the worker's session, shows predictions, and saves the lab
 * in this browser (IndexedDB) and to a file. The worker (runtime, model,
 * kernels) starts only when the visitor starts the lab.
 */
import * as Comlink from 'comlink';
import { del, get, set } from 'idb-keyval';
import type { LabWorkerApi, LoadReport } from '../../workers/lab.worker';
import type { BackendPreference } from '../../workers/runtime';
import type { PredictOptions, PredictionReport } from '../fewshot/session';
import { createCamera } from './camera';
import { createDrawingPad, type DrawingPad } from './drawing-pad';
import { wireEmbedBox } from '../embed/embed-box';
import { el } from './dom';
import { acceptDroppedAndPastedFiles, fileToPixels } from './images';
import { setUpOffline } from './offline';
import { mapView, predictionsView, type ResultNames } from './results-view';
import { parseSavedLab, type SavedLab } from './saved-lab';

interface ClassView {
  id: string;
  name: string;
  root: HTMLElement;
  thumbnails: HTMLElement;
  count: HTMLElement;
  message: HTMLElement;
  pad: DrawingPad;
  /** PNG data URLs of the examples, in the session's order. */
  thumbs: string[];
}

const STORAGE_KEY = 'metric-atlas-lab';
/** How long after the model is ready the lab's files are stored for offline use. */
const KEEP_AFTER_MS = 3000;
const THUMB_SIDE = 64;


/** A small PNG of the example, for thumbnails and the saved lab. */
function thumbnail(pixels: ImageData): string {
  const source = el('canvas', { width: pixels.width, height: pixels.height });
  source.getContext('2d')!.putImageData(pixels, 0, 0);
  const scale = Math.min(1, THUMB_SIDE / Math.max(pixels.width, pixels.height));
  const out = el('canvas', { width: Math.max(1, Math.round(pixels.width * scale)), height: Math.max(1, Math.round(pixels.height * scale)) });
  out.getContext('2d')!.drawImage(source, 0, 0, out.width, out.height);
  return out.toDataURL('image/png');
}

/** A file's problem in words that name the file, so a message among several says which one it is about. */
function problemWith(file: File, error: unknown): string {
  const message = (error as Error).message;
  return message.includes(file.name) ? message : `${file.name}: ${message}`;
}

export function startLab(root: HTMLElement, base: string): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-lab-status]');
  const progress = $<HTMLProgressElement>('[data-lab-progress]');
  const startButton = $<HTMLButtonElement>('[data-lab-start]');
  const resumeButton = $<HTMLButtonElement>('[data-lab-resume]');
  const modelSelect = $<HTMLSelectElement>('[data-lab-model]');
  const backendSelect = $<HTMLSelectElement>('[data-lab-backend]');
  const backend = () => backendSelect.value as BackendPreference;
  const workspace = $<HTMLElement>('[data-lab-workspace]');
  const classList = $<HTMLElement>('[data-lab-classes]');
  const results = $<HTMLElement>('[data-lab-results]');
  const settings = $<HTMLFormElement>('[data-lab-settings]');
  const fileStatus = $<HTMLElement>('[data-lab-file-status]');
  const mapBox = $<HTMLElement>('[data-lab-map]');
  const camera = createCamera($<HTMLVideoElement>('[data-lab-video]'));
  const cameraStatus = $<HTMLElement>('[data-lab-camera-status]');
  const offline = setUpOffline(base);
  let worker: Comlink.Remote<LabWorkerApi> | undefined;
  let modelId = modelSelect.value;
  const classes: ClassView[] = [];
  let lastQueries: ImageData[] = [];
  /** Their thumbnails, made once per query rather than on every re-prediction (live mode re-predicts often). */
  let lastQueryThumbs: string[] = [];

  const options = (): PredictOptions => {
    const data = new FormData(settings);
    return {
      metric: data.get('metric') as PredictOptions['metric'],
      normalization: data.get('normalization') as PredictOptions['normalization'],
      temperature: Number(data.get('temperature')),
      refine: Number(data.get('refine')),
    };
  };

  // ---- starting, switching models, resuming ----

  startButton.addEventListener('click', () => void start(modelSelect.value, true));
  modelSelect.addEventListener('change', () => {
    customForm.hidden = modelSelect.value !== 'custom';
    if (!worker || modelSelect.value === 'custom') return;
    // A new model embeds differently: the classes start over.
    void start(modelSelect.value, true).then(persist);
  });
  backendSelect.addEventListener('change', async () => {
    if (!worker) return;
    // The same model on another backend embeds the same way: the classes stay.
    backendSelect.disabled = true;
    status.textContent = 'Switching the backend…';
    try {
      showReady(await worker.switchBackend(backend()));
    } catch (error) {
      status.textContent = `The backend could not be switched: ${(error as Error).message}`;
    } finally {
      backendSelect.disabled = false;
    }
  });
  resumeButton.addEventListener('click', async () => {
    const saved = await get(STORAGE_KEY);
    if (saved) await restore(saved);
  });
  void get(STORAGE_KEY).then((saved: SavedLab | undefined) => {
    if (!saved) return;
    const examples = saved.session?.classes?.reduce((n, c) => n + c.examples.length, 0) ?? 0;
    resumeButton.hidden = false;
    resumeButton.textContent = `Resume your saved lab (${saved.session?.classes?.length ?? 0} classes, ${examples} examples)`;
  });

  // ---- a model of the visitor's own ----

  const customForm = $<HTMLFormElement>('[data-lab-custom]');
  const customMessage = $<HTMLElement>('[data-lab-custom-message]');
  const numbers = (text: FormDataEntryValue | null) => (String(text ?? '').trim() ? String(text).split(',').map((v) => Number(v.trim())) : undefined);
  customForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(customForm);
    const file = data.get('model') as File | null;
    if (!file || file.size === 0) {
      customMessage.textContent = 'Choose an .onnx file first.';
      return;
    }
    const kind = String(data.get('kind'));
    const card = {
      id: 'custom',
      name: `${file.name} (your model)`,
      kind,
      input: {
        name: String(data.get('inputName')),
        layout: 'NCHW',
        channels: Number(data.get('channels')),
        height: Number(data.get('height')),
        width: Number(data.get('width')),
        range: String(data.get('range')) === '255' ? [0, 255] : [0, 1],
        ...(numbers(data.get('mean')) ? { mean: numbers(data.get('mean')) } : {}),
        ...(numbers(data.get('std')) ? { std: numbers(data.get('std')) } : {}),
        colorOrder: 'RGB',
        ...(kind === 'sketch' ? { ink: 'white-on-black', crop: { rule: 'ink-bounding-box', margin: 2 } } : {}),
      },
      output: { name: String(data.get('outputName')), dim: Number(data.get('dim')) },
      license: 'the visitor’s own',
      sources: [{ name: file.name, license: 'the visitor’s own' }],
    };
    customMessage.textContent = 'Checking your model…';
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (await start('custom', true, (w) => w.loadCustom(Comlink.transfer(bytes, [bytes.buffer]), card, backend()))) customMessage.textContent = 'Your model is loaded. It stays on this device.';
    else customMessage.textContent = status.textContent;
  });

  function showReady(report: LoadReport) {
    const threads = `${report.threads} ${report.threads === 1 ? 'thread' : 'threads'}`;
    status.textContent = `Ready: ${report.model}, ${report.dim}-d embeddings, onnxruntime-web ${report.backend}, ${threads}. Everything runs on this device.${offline.describe()}${report.note ? ` ${report.note}` : ''}`;
  }

  async function start(id: string, withDefaultClasses: boolean, load?: (w: Comlink.Remote<LabWorkerApi>) => Promise<LoadReport>) {
    startButton.disabled = resumeButton.disabled = modelSelect.disabled = backendSelect.disabled = true;
    status.textContent = 'Starting the runtime…';
    progress.hidden = false;
    try {
      worker ??= Comlink.wrap<LabWorkerApi>(new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module' }));
      const report = load
        ? await load(worker)
        : await worker.load(
            id,
            base,
            backend(),
            Comlink.proxy((loaded: number, total: number) => {
              progress.max = total || loaded;
              progress.value = loaded;
              status.textContent = `Downloading the model: ${Math.round(loaded / 1024)} KB${total ? ` of ${Math.round(total / 1024)} KB (${Math.round((100 * loaded) / total)} %)` : ''}`;
            }),
          );
      modelId = id;
      if (id !== 'custom') modelSelect.value = id;
      for (const view of classes.splice(0)) view.root.remove();
      lastQueries = [];
      results.replaceChildren();
      if (withDefaultClasses) for (const name of ['Class A', 'Class B']) await addClass(name);
      startButton.hidden = resumeButton.hidden = true;
      workspace.hidden = false;
      root.dataset.kind = report.kind;
      showReady(report);
      // Keep what the lab needed in this browser, then say that it works offline (unless the status has moved on).
      // Storing re-reads the runtime (14 MB), so it waits until the first predictions are done.
      const shown = status.textContent;
      const lab = worker;
      setTimeout(() => void lab.resources().then(offline.keep).then((kept) => kept && status.textContent === shown && showReady(report)), KEEP_AFTER_MS);
      return true;
    } catch (error) {
      startButton.disabled = resumeButton.disabled = false;
      status.textContent = `The model could not be loaded: ${(error as Error).message} Try again.`;
      return false;
    } finally {
      progress.hidden = true;
      modelSelect.disabled = backendSelect.disabled = false;
    }
  }

  // ---- classes and examples ----

  async function addClass(name: string) {
    createClassView(await worker!.addClass(name), name, []);
  }

  function createClassView(id: string, name: string, thumbs: string[]) {
    const nameInput = el('input', { type: 'text', value: name, 'aria-label': 'Class name', maxLength: 80 });
    const canvas = el('canvas', { width: 160, height: 160, className: 'pad', 'aria-label': `Drawing pad for ${name}` });
    const view: ClassView = {
      id,
      name,
      root: el('article', { className: 'lab-class', tabIndex: 0, 'aria-label': `Class ${name}` }),
      thumbnails: el('ul', { className: 'thumbnails', 'aria-label': `Examples of ${name}` }),
      count: el('p', { className: 'count' }),
      message: el('p', { className: 'message', role: 'alert' }),
      pad: createDrawingPad(canvas),
      thumbs: [...thumbs],
    };
    nameInput.addEventListener('change', async () => {
      try {
        view.name = await worker!.renameClass(id, nameInput.value);
        view.message.textContent = '';
        view.root.setAttribute('aria-label', `Class ${view.name}`);
        canvas.setAttribute('aria-label', `Drawing pad for ${view.name}`);
        view.thumbnails.setAttribute('aria-label', `Examples of ${view.name}`);
        renderThumbnails(view);
        void persist();
        await rerun();
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
    const takePhoto = el('button', { type: 'button', textContent: 'Take a photo', 'data-camera-only': '' });
    takePhoto.addEventListener('click', async () => {
      view.message.textContent = '';
      try {
        await addExample(view, camera.capture());
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
      void persist();
      await rerun();
    });
    // Files dropped on a class, or pasted while its card has focus, become its examples.
    acceptDroppedAndPastedFiles(view.root, (files) => void addFiles(view, files));
    view.root.append(
      el('div', { className: 'class-head' }, nameInput, remove),
      view.count,
      view.thumbnails,
      el(
        'div',
        { className: 'pad-row' },
        canvas,
        el('div', { className: 'pad-buttons' }, addDrawing, undo, takePhoto, el('label', { htmlFor: `${id}-files`, className: 'file-button' }, 'Add image files'), files),
      ),
      view.message,
    );
    classes.push(view);
    classList.append(view.root);
    renderThumbnails(view);
  }

  function renderThumbnails(view: ClassView) {
    view.thumbnails.replaceChildren(
      ...view.thumbs.map((src, index) => {
        const removeOne = el('button', { type: 'button', className: 'remove-example', textContent: '×', 'aria-label': `Remove example ${index + 1} of ${view.name}` });
        removeOne.addEventListener('click', async () => {
          await worker!.removeExample(view.id, index);
          view.thumbs.splice(index, 1);
          renderThumbnails(view);
          void persist();
          await rerun();
        });
        return el('li', {}, el('img', { src, alt: `Example ${index + 1} of ${view.name}`, className: 'thumb' }), removeOne);
      }),
    );
    const n = view.thumbs.length;
    view.count.textContent = n === 0 ? 'No examples yet.' : `${n} ${n === 1 ? 'example' : 'examples'}`;
  }

  /** Adds each file it can; every file it cannot gets its own line, and the rest are kept. */
  async function addFiles(view: ClassView, files: File[]) {
    const problems: string[] = [];
    for (const file of files) {
      try {
        await addExample(view, await fileToPixels(file));
      } catch (error) {
        problems.push(problemWith(file, error));
      }
    }
    view.message.textContent = problems.join(' ');
  }

  async function addExample(view: ClassView, pixels: ImageData) {
    await worker!.addExample(view.id, pixels);
    view.thumbs.push(thumbnail(pixels));
    renderThumbnails(view);
    void persist();
    await rerun();
  }

  // ---- predictions ----

  async function classify(queries: ImageData[]) {
    lastQueries = queries;
    lastQueryThumbs = queries.map(thumbnail);
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
    const names: ResultNames = {
      nameOf: (id) => classes.find((c) => c.id === id)?.name ?? id,
      colourOf: (id) => classes.findIndex((c) => c.id === id) % 8,
    };
    results.replaceChildren(
      ...predictionsView(report, names, (i) => lastQueryThumbs[i]!, (classId, index) => classes.find((c) => c.id === classId)?.thumbs[index]),
    );
    mapBox.replaceChildren(...mapView(await worker.map(options().normalization), names));
  }

  // ---- saving, export, import ----

  async function snapshot(): Promise<SavedLab> {
    const session = await worker!.exportSession();
    return { format: 'metric-atlas-lab', version: 1, modelId, settings: options(), session, thumbnails: session.classes.map((_, i) => classes[i]!.thumbs) };
  }

  async function persist() {
    // A visitor's own model is not stored by the site, so a lab built on it is not saved either.
    if (worker && modelId !== 'custom') await set(STORAGE_KEY, await snapshot());
  }

  async function restore(value: unknown) {
    let saved: SavedLab;
    try {
      saved = parseSavedLab(value);
    } catch (error) {
      fileStatus.textContent = (error as Error).message;
      return;
    }
    if (!(await start(saved.modelId, false))) return;
    try {
      const ids = await worker!.importSession(saved.session);
      ids.forEach((id, i) => createClassView(id, saved.session.classes[i]!.name, saved.thumbnails[i]!));
      for (const [name, value] of Object.entries(saved.settings)) {
        const field = settings.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
        if (field) field.value = String(value);
      }
      fileStatus.textContent = `Restored ${ids.length} classes.`;
      void persist();
    } catch (error) {
      fileStatus.textContent = `The saved lab could not be restored: ${(error as Error).message}`;
      await start(saved.modelId, true);
    }
  }

  $<HTMLButtonElement>('[data-lab-export]').addEventListener('click', async () => {
    const blob = new Blob([JSON.stringify(await snapshot())], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'metric-atlas-lab.json' });
    link.click();
    URL.revokeObjectURL(link.href);
    fileStatus.textContent = 'Exported to metric-atlas-lab.json.';
  });
  const importInput = $<HTMLInputElement>('[data-lab-import]');
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      fileStatus.textContent = `${file.name} is not a saved lab: it is not JSON.`;
      return;
    }
    await restore(parsed);
  });
  $<HTMLButtonElement>('[data-lab-clear]').addEventListener('click', async () => {
    await del(STORAGE_KEY);
    await start(modelId, true);
    fileStatus.textContent = 'Everything was cleared, here and in this browser’s storage.';
  });

  // ---- presets ----

  interface Preset {
    model: string;
    title: string;
    credit: string;
    classes: Array<{ name: string; images: string[] }>;
    queries: string[];
  }
  const dataUrlToFile = async (url: string, name: string) => new File([await (await fetch(url)).blob()], name, { type: 'image/png' });

  $<HTMLButtonElement>('[data-lab-preset]').addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    try {
      const { presets } = (await (await fetch(`${base}lab/presets.json`)).json()) as { presets: Preset[] };
      const preset = presets.find((p) => p.model === modelSelect.value) ?? presets[0]!;
      if (!(await start(preset.model, false))) return;
      for (const { name, images } of preset.classes) {
        await addClass(name);
        await addFiles(classes.at(-1)!, await Promise.all(images.map((url, i) => dataUrlToFile(url, `${name}-${i + 1}.png`))));
      }
      const queries = await Promise.all(preset.queries.map(async (url, i) => fileToPixels(await dataUrlToFile(url, `query-${i + 1}.png`))));
      fileStatus.textContent = `Example set “${preset.title}”: ${preset.credit}`;
      await classify(queries);
    } finally {
      button.disabled = false;
    }
  });

  // ---- camera ----

  let live: ReturnType<typeof setInterval> | undefined;
  const liveToggle = $<HTMLInputElement>('[data-lab-live]');
  const setCamera = (on: boolean, message: string) => {
    root.dataset.camera = on ? 'on' : 'off';
    cameraStatus.textContent = message;
    if (!on) {
      liveToggle.checked = false;
      clearInterval(live);
    }
  };
  $<HTMLButtonElement>('[data-lab-camera-on]').addEventListener('click', async () => {
    try {
      await camera.start();
      setCamera(true, 'Camera on. The picture stays on this device.');
    } catch (error) {
      setCamera(false, (error as Error).message);
    }
  });
  $<HTMLButtonElement>('[data-lab-camera-off]').addEventListener('click', () => {
    camera.stop();
    setCamera(false, 'Camera off.');
  });
  $<HTMLButtonElement>('[data-lab-camera-classify]').addEventListener('click', () => void classify([camera.capture()]));
  liveToggle.addEventListener('change', () => {
    clearInterval(live);
    if (!liveToggle.checked) return;
    let busy = false;
    // One frame at a time: the next waits until the previous prediction is shown.
    live = setInterval(async () => {
      if (busy || !camera.running) return;
      busy = true;
      try {
        await classify([camera.capture()]);
      } finally {
        busy = false;
      }
    }, 400);
  });

  // ---- queries ----

  $<HTMLButtonElement>('[data-lab-add-class]').addEventListener('click', async () => {
    await addClass(`Class ${String.fromCharCode(65 + classes.length)}`);
    void persist();
  });
  settings.addEventListener('change', () => {
    void persist();
    void rerun();
  });

  const queryPad = createDrawingPad($<HTMLCanvasElement>('[data-lab-query-pad]'));
  $<HTMLButtonElement>('[data-lab-classify]').addEventListener('click', () => {
    if (queryPad.isEmpty()) results.replaceChildren(el('p', { className: 'message' }, 'Draw the query on the pad first.'));
    else void classify([queryPad.pixels()]);
  });
  $<HTMLButtonElement>('[data-lab-query-clear]').addEventListener('click', () => queryPad.clear());
  const queryFiles = $<HTMLInputElement>('[data-lab-query-files]');
  queryFiles.addEventListener('change', async () => {
    const files = [...(queryFiles.files ?? [])];
    queryFiles.value = '';
    await classifyFiles(files);
  });
  acceptDroppedAndPastedFiles($<HTMLElement>('[data-lab-query-drop]'), (files) => void classifyFiles(files));

  // ---- embedding: the embed box, and settings from the address (?model=…&metric=…&preset=1) ----

  const embedBox = root.querySelector<HTMLElement>('.embed-box');
  if (embedBox) wireEmbedBox(embedBox);
  const params = new URLSearchParams(location.search);
  const requestedModel = params.get('model');
  if (requestedModel && requestedModel !== 'custom' && [...modelSelect.options].some((o) => o.value === requestedModel)) modelSelect.value = requestedModel;
  const metricField = settings.elements.namedItem('metric') as HTMLSelectElement;
  const requestedMetric = params.get('metric');
  if (requestedMetric && [...metricField.options].some((o) => o.value === requestedMetric)) metricField.value = requestedMetric;
  if (params.get('preset') === '1') $<HTMLButtonElement>('[data-lab-preset]').click();

  /** Classifies every file it can read; each one it cannot gets its own line above the predictions. */
  async function classifyFiles(files: File[]) {
    const pixels: ImageData[] = [];
    const problems: string[] = [];
    for (const file of files) {
      try {
        pixels.push(await fileToPixels(file));
      } catch (error) {
        problems.push(problemWith(file, error));
      }
    }
    if (pixels.length) await classify(pixels);
    if (problems.length) results.prepend(el('p', { className: 'message' }, problems.join(' ')));
  }
}
