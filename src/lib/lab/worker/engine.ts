/// <reference lib="webworker" />
import { instantiateKernels, type Kernels } from '../../kernels/index';
import { FewShotSession } from '../../fewshot/session';
import { DEFAULT_METHOD, type Method } from '../../fewshot/method';
import type { HeadOptions } from '../../fewshot/head';
import { parseModelCard } from '../../models/card';
import { preprocess } from '../../models/preprocess';
import type { BackendPreference } from './runtime';
import { embedMissing, embedOriginals, newExample, type Progress } from './examples';
import { framePixels, keepPicture } from './decode';
import { downloadModel, runModel, type LoadedModel } from './model';
import { LabStore, LatestSaver, type LabShape, type StoredExample, type Undo } from './store';
import { labView, verdictsFor, type AddResult, type LabView, type LearnProgress, type Verdicts } from './views';
import { exportLab, importLab, type ExampleSet } from './saved-file';
import { parseSavedLab, readSavedLabFile } from './saved-lab';
import { imageTypeOf } from '../class-folders';
import { classToZip, labToZip, readLabZip } from './zip-lab';

/**
 * The lab, owned by its worker (as tfjs-models' KNN classifier owns its data
 * set): classes and examples by id, each example's kept original, thumbnail
 * and embeddings per model, the model, the session and what is saved. The
 * page only hands it pictures and renders what comes back; nothing here
 * touches the DOM. Calls that change the lab run one at a time.
 */
export type { AddResult, LabView, LearnProgress, Verdicts } from './views';

const DEFAULT_CLASSES = ['Class A', 'Class B'];

/** A folder of pictures that becomes a class (its name). */
export interface Folder {
  name: string;
  pictures: Array<{ source: Blob; name: string }>;
}

export class LabEngine {
  private kernels: Kernels | undefined;
  private model: LoadedModel | undefined;
  private session = new FewShotSession(1);
  private readonly examples = new Map<string, StoredExample>();
  private readonly stored = new Set<string>();
  private readonly store = new LabStore();
  private undoState: Undo | undefined;
  /** The catalog model a saved lab names (the visitor's own model is never stored). */
  private siteModelId = '';
  private queries: { embeddings: Float32Array[]; thumbs: Blob[] } = { embeddings: [], thumbs: [] };
  private queue: Promise<unknown> = Promise.resolve();
  private staged: Folder[] = [];
  private readonly saver = new LatestSaver(() => this.store.save(this.shape(), this.undoState, this.examples, this.stored));

  /** The site's base path: models are under it. */
  private base = '/';
  private readonly kernelsUrl: string;

  constructor(kernelsUrl: string) {
    this.kernelsUrl = kernelsUrl;
  }

  /** Opens the lab: the saved one if there is one (or one saved by the page's first version), else two empty classes. */
  start(base: string, modelId: string, backend: BackendPreference, onProgress: Progress): Promise<LabView> {
    return this.serial(async () => {
      this.base = base;
      this.kernels ??= await instantiateKernels(await (await fetch(this.kernelsUrl)).arrayBuffer());
      const saved = await this.store.load();
      for (const [id, example] of saved.examples) (this.examples.set(id, example), this.stored.add(id));
      this.undoState = saved.undo;
      let shape = saved.shape;
      if (!shape) {
        const old = await this.store.version1().catch(() => undefined);
        if (old) shape = await this.adopt(await importLab(parseSavedLab(old)), 'keep');
      }
      await this.load(shape?.modelId ?? modelId, backend, onProgress);
      await this.rebuild(shape ?? { modelId, method: DEFAULT_METHOD, classes: [] }, onProgress);
      if (!shape) for (const name of DEFAULT_CLASSES) this.session.addClass(name);
      if (!saved.shape) this.saveSoon();
      if (!saved.shape && shape) await this.store.dropVersion1().catch(() => undefined);
      return this.view();
    });
  }

  /** Another model: every example is re-embedded from its kept original (once per model; switching back is instant). */
  useModel(modelId: string, backend: BackendPreference, onProgress: Progress): Promise<LabView> {
    return this.serial(async () => {
      await this.load(modelId, backend, onProgress);
      await this.rebuild(this.shape(), onProgress);
      return this.saved(this.view());
    });
  }

  useCustomModel(fileName: string, bytes: Uint8Array, cardFields: unknown, backend: BackendPreference, onProgress: Progress): Promise<LabView> {
    return this.serial(async () => {
      await this.replaceModel(await runModel(`custom:${fileName}`, bytes, parseModelCard(cardFields), backend));
      await this.rebuild(this.shape(), onProgress);
      return this.view();
    });
  }

  switchBackend(backend: BackendPreference): Promise<LabView> {
    return this.serial(async () => {
      const current = this.ready();
      await this.replaceModel(await runModel(current.id, current.bytes, current.card, backend));
      return this.view();
    });
  }

  addClass(name: string): Promise<LabView> {
    return this.change(() => this.session.addClass(name));
  }

  renameClass(id: string, name: string): Promise<LabView> {
    return this.change(() => this.session.renameClass(id, name));
  }

  removeClass(id: string): Promise<LabView> {
    return this.change(() => {
      const name = this.session.list().find((c) => c.id === id)?.name ?? id;
      this.undoState = { label: `Undo “Remove ${name}”`, shape: this.shape() };
      this.session.removeClass(id);
    });
  }

  removeExample(id: string): Promise<LabView> {
    return this.change(() => this.session.removeExample(id));
  }

  /** A new method: recomputed from the cached embeddings, nothing embedded again. */
  setMethod(method: Partial<Method>): Promise<{ view: LabView; verdicts: Verdicts }> {
    return this.serial(async () => {
      this.session.setMethod(method);
      this.saveSoon();
      return { view: this.view(), verdicts: this.verdicts() };
    });
  }

  /**
   * Trains the learned metric head on the examples (issue 13), then keeps it on:
   * later verdicts, probabilities, unknowns and the map use it, and it is saved.
   * Progress: each chunk of steps with the map as it moves, then each held-out round.
   */
  learnMetric(options: Partial<HeadOptions>, onProgress: (progress: LearnProgress) => void): Promise<{ view: LabView; verdicts: Verdicts }> {
    return this.serial(async () => {
      const kernels = this.kernels!;
      const steps = options.steps ?? 0;
      this.session.trainHead(kernels, options, {
        training: (step, loss, proxies) => onProgress({ phase: 'training', step, steps, loss, map: this.session.mapWithProxies(kernels, proxies(), this.queries.embeddings) }),
        rounds: (round, rounds) => onProgress({ phase: 'checking', round, rounds }),
      });
      this.saveSoon();
      return { view: this.view(), verdicts: this.verdicts() };
    });
  }

  /** Back to plain prototypes (the head's settings are forgotten; learning again is one click). */
  usePrototypes(): Promise<{ view: LabView; verdicts: Verdicts }> {
    return this.serial(async () => {
      this.session.setHead(null);
      this.saveSoon();
      return { view: this.view(), verdicts: this.verdicts() };
    });
  }

  /** Adds every picture it can to the class; each one it cannot gets its own line, and the rest are kept. */
  addExamples(classId: string, pictures: Array<{ source: Blob | ImageBitmap; name: string }>, onProgress?: Progress): Promise<AddResult> {
    return this.serial(async () => {
      const problems = await this.addPictures(classId, pictures, onProgress);
      this.saveSoon();
      return { view: this.view(), verdicts: this.verdicts(), problems };
    });
  }

  /**
   * Pictures of folders, handed over in parts before addStagedFolders: one
   * message of thousands of files would hold the page for seconds (each File
   * costs it time to send), a part of a few hundred does not.
   */
  stageFolderPictures(part: Array<{ folder: string; source: Blob; name: string }>): number {
    for (const { folder, source, name } of part) {
      let last = this.staged.at(-1);
      if (last?.name !== folder) this.staged.push((last = { name: folder, pictures: [] }));
      last.pictures.push({ source, name });
    }
    return part.length;
  }

  /** The staged folders as classes: one per folder, joined to a class of the same name; undoable. */
  addStagedFolders(onProgress: Progress): Promise<AddResult> {
    return this.serial(() => {
      const folders = this.staged;
      this.staged = [];
      return this.addFolderClasses(folders, onProgress);
    });
  }

  /** A zip: the lab it holds (its manifest) opened over this one, undoable; or its class folders added. */
  importZip(file: Blob, fileName: string, onProgress: Progress): Promise<AddResult> {
    return this.serial(async () => {
      const contents = await readLabZip(file, fileName);
      if (contents.kind === 'folders') {
        const folders: Folder[] = [];
        for (const c of contents.classes) folders.push({ name: c.name, pictures: await Promise.all(c.items.map(async ({ path, item }) => ({ source: await item.read(imageTypeOf(path)), name: path }))) });
        const added = await this.addFolderClasses(folders, onProgress);
        return { ...added, problems: [...contents.skipped.map((path) => `${path} in ${fileName} is not a picture (by its name), so it was left out.`), ...added.problems] };
      }
      this.undoState = { label: 'Undo “Import”', shape: this.shape() };
      await this.rebuild(await this.adopt(contents.lab, 'current'), onProgress);
      return { view: this.saved(this.view()), verdicts: this.verdicts(), problems: [] };
    });
  }

  /** The lab as a zip of class folders and a manifest (see zip-lab.ts). */
  exportZip(): Promise<Blob> {
    return this.serial(async () => labToZip(this.shape(), this.examples));
  }

  /** One class's pictures, as kept, in a zip of one folder. */
  exportClass(classId: string): Promise<Blob> {
    return this.serial(async () => {
      const found = this.session.list().find((c) => c.id === classId);
      if (!found) throw new Error('That class is no longer in the lab.');
      return classToZip(found.name, found.exampleIds.map((id) => this.examples.get(id)!.original));
    });
  }

  /** Classifies pictures (files, drawings, one camera photo): the reply carries their thumbnails and the map. */
  predict(pictures: Array<{ source: Blob | ImageBitmap; name: string }>): Promise<Verdicts & { problems: string[] }> {
    return this.serial(async () => {
      const { embedder } = this.ready();
      const kept: Array<{ original: Blob; thumb: Blob }> = [];
      const problems: string[] = [];
      for (const { source, name } of pictures) {
        try {
          kept.push(await keepPicture(source, name, embedder.card.kind === 'sketch' ? 'sketch' : 'photo'));
        } catch (error) {
          problems.push(namedProblem(name, error));
        }
      }
      if (kept.length) this.queries = { embeddings: await embedOriginals(kept.map((k) => k.original), embedder), thumbs: kept.map((k) => k.thumb) };
      return { ...this.verdicts(), problems };
    });
  }

  /** One live camera frame: embedded and classified against the cached prototypes; no thumbnail, no map. */
  predictFrame(frame: ImageBitmap): Promise<Verdicts> {
    return this.serial(async () => {
      const { embedder } = this.ready();
      const out = await embedder.embed([preprocess(framePixels(frame, 320), embedder.card)]);
      this.queries = { embeddings: [out.data], thumbs: [] };
      return this.verdicts(false);
    });
  }

  /** Empties the lab; the state before stays (here and in storage) until the next destructive action, for undo. */
  clear(): Promise<LabView> {
    return this.change(() => {
      this.undoState = { label: 'Undo “Clear everything”', shape: this.shape() };
      this.session = this.emptySession(this.session.method);
      for (const name of DEFAULT_CLASSES) this.session.addClass(name);
      this.queries = { embeddings: [], thumbs: [] };
    });
  }

  undo(onProgress: Progress): Promise<LabView> {
    return this.serial(async () => {
      if (!this.undoState) throw new Error('There is nothing to undo.');
      await this.rebuild(this.undoState.shape, onProgress);
      this.undoState = undefined;
      return this.saved(this.view());
    });
  }

  /** Replaces the classes with an example set's (undoable) and classifies its queries. */
  loadExampleSet(set: ExampleSet, onProgress: Progress): Promise<{ view: LabView; verdicts: Verdicts; problems: string[] }> {
    const replaced = this.serial(async () => {
      if (this.session.list().some((c) => c.exampleIds.length)) this.undoState = { label: 'Undo “Try an example set”', shape: this.shape() };
      this.session = this.emptySession(this.session.method);
      return set.classes.map(({ name }) => this.session.addClass(name));
    });
    return replaced.then(async (ids) => {
      const problems: string[] = [];
      let done = 0;
      const total = set.classes.reduce((n, c) => n + c.images.length, 0);
      for (const [i, c] of set.classes.entries()) {
        problems.push(...(await this.addExamples(ids[i]!, c.images, () => onProgress(++done, total))).problems);
      }
      const verdicts = await this.predict(set.queries);
      return { view: this.view(), verdicts, problems: [...problems, ...verdicts.problems] };
    });
  }

  exportLab(): Promise<Blob> {
    return this.serial(async () => exportLab(this.shape(), this.examples));
  }

  /** Opens a saved lab over this one (undoable); its examples are embedded by the current model where they lack it. */
  importLab(text: string, fileName: string, onProgress: Progress): Promise<LabView> {
    return this.serial(async () => {
      const lab = await importLab(readSavedLabFile(text, fileName));
      this.undoState = { label: 'Undo “Import”', shape: this.shape() };
      const shape = await this.adopt(lab, 'current');
      await this.rebuild(shape, onProgress);
      return this.saved(this.view());
    });
  }

  /** Everything this worker has downloaded (its own script, the runtime, kernels, model), for offline use. */
  resources(): string[] {
    return [self.location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
  }

  private async addPictures(classId: string, pictures: Array<{ source: Blob | ImageBitmap; name: string }>, onProgress?: Progress): Promise<string[]> {
    const model = this.ready();
    const problems: string[] = [];
    for (const [i, { source, name }] of pictures.entries()) {
      try {
        const example = await newExample(source, name, model.id, model.embedder);
        const id = this.session.addExample(classId, example.embeddings[model.id]!);
        this.examples.set(id, example);
      } catch (error) {
        problems.push(namedProblem(name, error));
      }
      onProgress?.(i + 1, pictures.length);
    }
    return problems;
  }

  /** The folders as classes; the two empty classes a new lab starts with give way to them. */
  private async addFolderClasses(folders: Folder[], onProgress: Progress): Promise<AddResult> {
    const before = this.shape();
    for (const c of this.session.list()) if (c.exampleIds.length === 0 && DEFAULT_CLASSES.includes(c.name)) this.session.removeClass(c.id);
    const total = folders.reduce((n, f) => n + f.pictures.length, 0);
    const problems: string[] = [];
    let done = 0;
    for (const folder of folders) {
      const same = this.session.list().find((c) => c.name.toLocaleLowerCase() === folder.name.toLocaleLowerCase());
      const id = same?.id ?? this.session.addClass(folder.name);
      problems.push(...(await this.addPictures(id, folder.pictures, () => onProgress(++done, total))));
    }
    this.undoState = { label: 'Undo “Add classes from folders”', shape: before };
    return { view: this.saved(this.view()), verdicts: this.verdicts(), problems };
  }

  private async load(modelId: string, backend: BackendPreference, onProgress: Progress): Promise<void> {
    if (this.model?.id === modelId) return;
    const { bytes, card } = await downloadModel(this.base, modelId, onProgress);
    await this.replaceModel(await runModel(modelId, bytes, card, backend));
    this.siteModelId = modelId;
  }

  private async replaceModel(next: LoadedModel): Promise<void> {
    await this.model?.embedder.dispose();
    this.model = next;
  }

  /** The session rebuilt for the current model from a lab's shape, embedding what the model has not seen. */
  private async rebuild(shape: LabShape, onProgress: Progress): Promise<void> {
    const model = this.ready();
    const ids = shape.classes.flatMap((c) => c.exampleIds);
    const embedded = await embedMissing(this.examples, ids, model.id, model.embedder, onProgress);
    if (!model.id.startsWith('custom:')) await Promise.all(embedded.filter((id) => this.stored.has(id)).map((id) => this.store.updateExample(id, this.examples.get(id)!)));
    const session = this.emptySession(shape.method);
    for (const c of shape.classes) {
      session.addClass(c.name, c.id);
      for (const id of c.exampleIds) if (this.examples.has(id)) session.addExample(c.id, this.examples.get(id)!.embeddings[model.id]!, id);
    }
    if (shape.head) session.setHead(shape.head);
    this.session = session;
    this.queries = { embeddings: [], thumbs: [] };
  }

  /** A saved lab's examples taken into memory; 'current' keeps the running model, 'keep' the file's. */
  private async adopt(lab: { shape: LabShape; examples: Map<string, StoredExample> }, model: 'current' | 'keep'): Promise<LabShape> {
    for (const [id, example] of lab.examples) this.examples.set(id, example);
    return model === 'current' && this.model ? { ...lab.shape, modelId: this.siteModelId } : lab.shape;
  }

  private emptySession(method: Method): FewShotSession {
    const { card } = this.ready();
    const session = new FewShotSession(card.output.dim, card.calibration);
    session.setMethod(method);
    return session;
  }

  private verdicts(withMap = true): Verdicts {
    return verdictsFor(this.session, this.kernels!, this.queries, withMap);
  }

  private view(): LabView {
    return labView(this.session, this.kernels, this.model, this.examples, this.undoState?.label ?? null);
  }

  private shape(): LabShape {
    const head = this.session.head;
    return { modelId: this.siteModelId, method: this.session.method, ...(head ? { head } : {}), classes: this.session.list() };
  }

  private ready(): LoadedModel {
    if (!this.model || !this.kernels) throw new Error('The model is not loaded yet.');
    return this.model;
  }

  /** A synchronous change of the lab: applied in turn, saved, and answered with the new view. */
  private change(apply: () => unknown): Promise<LabView> {
    return this.serial(async () => {
      apply();
      return this.saved(this.view());
    });
  }

  private saved<T>(value: T): T {
    this.saveSoon();
    return value;
  }

  private saveSoon(): void {
    this.saver.save();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function namedProblem(name: string, error: unknown): string {
  const message = (error as Error).message;
  return message.includes(name) ? message : `${name}: ${message}`;
}
