/// <reference lib="webworker" />
import { instantiateKernels } from '../../kernels/index';
import type { HeadOptions } from '../../fewshot/head';
import type { Method } from '../../fewshot/method';
import { parseModelCard } from '../../models/card';
import type { BackendPreference, ExampleSet, LabReply, LearnProgress, Picture, Progress, RetrievalReport, SavedLabPeek, StartRequest, Verdicts } from '../messages';
import { exportClass, exportLabFile, exportZip, importLabFile, importZip, openSaved } from './archive';
import { learnMetric, usePrototypes } from './head';
import { addFolderClasses, addPicturesPaced, classify, classifyFrame, stageInto, type Folder } from './intake';
import { loadExampleSet } from './example-set';
import { addPickedFolder } from './picked-folder';
import { runModel, type ModelOpener } from './model';
import { moveExample, removeExampleUndoably, retrievalOf } from './retrieval';
import { followSaved } from './other-tabs';
import { DEFAULT_CLASSES, LabState } from './state';
import { thumbnailsFor } from './views';

/**
 * The lab, owned by its worker (as tfjs-models' KNN classifier owns its data
 * set): the page hands it pictures and requests and renders what comes back;
 * nothing here touches the DOM. This is the worker's front (exposed with
 * Comlink): every public call runs in one queue, so no request sees another's
 * half-done state, and every change answers with one LabReply. The work is in
 * state.ts, intake.ts, archive.ts and head.ts.
 */
export class LabEngine {
  private readonly state: LabState;
  private readonly kernelsUrl: string;
  private queue: Promise<unknown> = Promise.resolve();
  private staged: Folder[] = [];

  /** `openModel` is for Node tests; the worker uses the site's models. */
  constructor(kernelsUrl: string, openModel?: ModelOpener) {
    this.kernelsUrl = kernelsUrl;
    this.state = new LabState(openModel);
  }

  /** The saved lab's size, without starting the lab (for "Resume your lab"); null when nothing is saved. */
  peekSaved(): Promise<SavedLabPeek | null> {
    return this.serial(() => this.state.store.peek());
  }

  /** Opens the saved lab (or a new one) with the model, and applies the address's metric if any. */
  start(request: StartRequest, onProgress: Progress): Promise<LabReply> {
    return this.serial(async () => {
      this.state.base = request.base;
      this.state.kernels ??= await instantiateKernels(await (await fetch(this.kernelsUrl)).arrayBuffer());
      await openSaved(this.state, request, onProgress);
      return this.state.reply();
    });
  }

  /** Another model: every example is re-embedded from its kept original (once per model; switching back is instant). */
  useModel(modelId: string, backend: BackendPreference, onProgress: Progress): Promise<LabReply> {
    return this.serial(async () => {
      await this.state.load(modelId, backend, onProgress);
      await this.state.rebuild(this.state.shape(), onProgress);
      return this.state.reply();
    });
  }

  useCustomModel(fileName: string, bytes: Uint8Array, cardFields: unknown, backend: BackendPreference, onProgress: Progress): Promise<LabReply> {
    return this.serial(async () => {
      await this.state.replaceModel(await runModel(`custom:${fileName}`, bytes, parseModelCard(cardFields), backend));
      await this.state.rebuild(this.state.shape(), onProgress);
      return this.state.reply();
    });
  }

  switchBackend = (backend: BackendPreference): Promise<LabReply> =>
    this.serial(async () => (await this.state.replaceModel(await runModel(this.state.ready().id, this.state.ready().bytes, this.state.ready().card, backend)), this.state.reply()));

  addClass = (name: string): Promise<LabReply> => this.change(() => this.state.classes.addClass(name));
  renameClass = (id: string, name: string): Promise<LabReply> => this.change(() => this.state.classes.renameClass(id, name));
  removeExample = (id: string): Promise<LabReply> => this.change(() => this.state.classes.removeExample(id));
  /** A new method: recomputed from the cached embeddings, nothing embedded again. */
  setMethod = (method: Partial<Method>): Promise<LabReply> => this.change(() => this.state.classes.setMethod(method));
  removeClass = (id: string): Promise<LabReply> => this.change(() => (this.state.remember(`Undo “Remove ${this.state.classes.list().find((c) => c.id === id)?.name ?? id}”`), this.state.classes.removeClass(id)));
  /** Every example as a query against the others (n² distances: asked when its fold opens, not with every reply). */
  retrieval = (): Promise<RetrievalReport | null> => this.serial(async () => retrievalOf(this.state));
  /** A confusing pair's fixes: remove an example or move it to another class, each undoable. */
  removeExampleUndoably = (id: string): Promise<LabReply> => this.change(() => removeExampleUndoably(this.state, id));
  moveExample = (id: string, toClassId: string): Promise<LabReply> => this.change(() => moveExample(this.state, id, toClassId));

  learnMetric = (options: Partial<HeadOptions>, onProgress: (progress: LearnProgress) => void): Promise<LabReply> => this.serial(async () => learnMetric(this.state, options, onProgress));
  usePrototypes = (): Promise<LabReply> => this.serial(async () => usePrototypes(this.state));
  addExamples = (classId: string, pictures: Picture[], onProgress?: Progress): Promise<LabReply> => this.serial(async () => this.state.reply(await addPicturesPaced(this.state, classId, pictures, onProgress)));
  /** Folder pictures in parts before addStagedFolders: one message of thousands of files would hold the page for seconds. */
  stageFolderPictures = (part: Array<{ folder: string; source: Blob; name: string }>): Promise<number> => this.serial(async () => stageInto(this.staged, part));
  /** The staged folders as classes: one per folder, joined to a class of the same name; undoable. `from` names the folder picked (for an import a reload cuts short). */
  addStagedFolders = (onProgress: Progress, from?: string): Promise<LabReply> => this.serial(() => addFolderClasses(this.state, this.staged.splice(0), onProgress, from));
  /** A picked folder (its handle): listed and read here, so the page never holds its files (picked-folder.ts). */
  addPickedFolder = (folder: FileSystemDirectoryHandle, onListed: (files: number) => void, onProgress: Progress) => this.serial(() => addPickedFolder(this.state, folder, onListed, onProgress));
  importZip = (file: Blob, fileName: string, onProgress: Progress): Promise<LabReply> => this.serial(() => importZip(this.state, file, fileName, onProgress));
  importLab = (text: string, fileName: string, onProgress: Progress): Promise<LabReply> => this.serial(() => importLabFile(this.state, text, fileName, onProgress));
  exportLab = (): Promise<Blob> => this.serial(() => exportLabFile(this.state));
  exportZip = (): Promise<Blob> => this.serial(() => exportZip(this.state));
  exportClass = (classId: string): Promise<Blob> => this.serial(() => exportClass(this.state, classId));
  /** Classifies pictures; they stay the last queries, classified again after every change. */
  predict = (pictures: Picture[]): Promise<{ verdicts: Verdicts; problems: string[] }> => this.serial(() => classify(this.state, pictures));
  predictFrame = (frame: ImageBitmap): Promise<Verdicts> => this.serial(() => classifyFrame(this.state, frame));
  /** Replaces the classes with an example set's (undoable) and classifies its queries. */
  loadExampleSet = (set: ExampleSet, onProgress: Progress): Promise<LabReply> => this.serial(() => loadExampleSet(this.state, set, onProgress));
  /** Starts a catalog model while the visitor reads, outside the queue (prepared.ts): the next start or useModel asking for it takes it. */
  prepare = (base: string, modelId: string, backend: BackendPreference): void => void (this.state.model?.id !== modelId && this.state.prepared.prepare(base, modelId, backend));

  /** Empties the lab (the last queries stay, to be classified again after an undo); the state before stays for undo. */
  clear(): Promise<LabReply> {
    return this.change(() => {
      this.state.remember('Undo “Clear everything”');
      this.state.reset(this.state.classes.method);
      for (const name of DEFAULT_CLASSES) this.state.classes.addClass(name);
    });
  }

  undo(onProgress: Progress): Promise<LabReply> {
    return this.serial(async () => {
      const undo = this.state.undo;
      if (!undo) throw new Error('There is nothing to undo.');
      await this.state.rebuild(undo.shape, onProgress);
      this.state.undo = undefined;
      return this.state.reply();
    });
  }

  /** Answered at once, outside the queue: the page's sign that this worker is alive (page/worker-supervisor.ts). */
  ping = (): true => true;
  /** Thumbnails a view left out (views.ts), outside the queue: an import's progress does not hold them up. */
  thumbnails = (ids: string[]): Array<Blob | null> => thumbnailsFor(ids, this.state.examples, this.state.thumbsSent);
  /** The visitor lets go of an import a reload cut short: its files are no longer offered again (what it added stays). */
  forgetInterruptedImport = (): Promise<LabReply> => this.change(() => (this.state.importing = this.state.interrupted = undefined));

  /** A save heard on the lab's channel: another tab's is taken (see other-tabs.ts); null when there is nothing to take. */
  follow = (stamp: string): Promise<LabReply | null> => this.serial(() => followSaved(this.state, stamp));

  /** Everything this worker has downloaded (its own script, the runtime, kernels, model), for offline use. */
  resources = (): string[] => [self.location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];

  /** A change made at once: applied in turn, then answered (and saved). */
  private change = (apply: () => unknown): Promise<LabReply> => this.serial(async () => (apply(), this.state.reply()));

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
