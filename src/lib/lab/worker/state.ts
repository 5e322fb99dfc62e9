/// <reference lib="webworker" />
import type { Kernels } from '../../kernels/index';
import { ClassStore } from '../../fewshot/class-store';
import { Predictor } from '../../fewshot/predictor';
import type { Method } from '../../fewshot/method';
import type { BackendPreference, LabReply, LabView, Progress, Verdicts } from '../messages';
import { embedMissing, embedOriginals } from './examples';
import { openSiteModel, type LoadedModel, type ModelOpener } from './model';
import { PreparedModels } from './prepared';
import { Saving } from './saving';
import { LabStore, type ImportRecord, type LabShape, type LabWrite, type StoredExample, type Undo } from './store';
import { labView, trainIfStale, verdictsFor } from './views';
import { NO_QUERIES, type Queries } from './blank';
import { timed } from './step-timing';

export { DEFAULT_CLASSES, NO_QUERIES, type Queries } from './blank';

/**
 * Everything the lab's worker holds: the model and kernels, the classes (examples' embeddings, method, head) and their predictor, each
 * example as kept, the last queries, what an undo restores, and what is saved. The engine's modules change it; only its queue calls them.
 */
export class LabState {
  kernels: Kernels | undefined;
  model: LoadedModel | undefined;
  classes = new ClassStore(1);
  predictor = new Predictor(this.classes);
  readonly examples = new Map<string, StoredExample>();
  readonly store = new LabStore();
  readonly saving = new Saving(this.store);
  undo: Undo | undefined;
  /** The folder import under way, or one a reload cut short (kept until the next folder import ends): what saves write. */
  importing: ImportRecord | undefined;
  /** The import this tab found cut short at start, for the view (another tab's import under way is not cut short). */
  interrupted: ImportRecord | undefined;
  queries: Queries = NO_QUERIES;
  /** The examples whose thumbnails this worker's page already has (views send each once). */
  readonly thumbsSent = new Set<string>();
  /** The site's base path: models are under it. */
  base = '/';
  /** The catalog model a saved lab names (the visitor's own model is never stored). */
  siteModelId = '';
  /** How a catalog model is fetched and started (the site's download and onnxruntime-web; Node tests give their own), maybe ahead of need. */
  readonly prepared: PreparedModels;

  constructor(open: ModelOpener = openSiteModel) {
    this.prepared = new PreparedModels(open);
  }

  ready(): LoadedModel {
    if (!this.model || !this.kernels) throw new Error('The model is not loaded yet.');
    return this.model;
  }

  shape(): LabShape {
    const head = this.classes.head;
    return { modelId: this.siteModelId, method: this.classes.method, ...(head ? { head } : {}), classes: this.classes.list() };
  }

  view(): LabView {
    return { ...labView(this.classes, this.predictor, this.kernels, this.model, this.examples, this.undo?.label ?? null, this.thumbsSent), saving: this.saving.view(this.shape(), this.interrupted) };
  }

  /** Verdicts for the last queries from their cached embeddings; the map only where asked (not per live frame). */
  verdicts = (withMap = true): Verdicts => verdictsFor(this.predictor, this.kernels!, this.queries, withMap ? this.classes.list().map((c) => c.id) : null);

  /** The one reply to a change: saved first (so the view says how that went), the head trained again if stale, the view, the last queries classified again. */
  async reply(problems: string[] = []): Promise<LabReply> {
    // A reply waits for its save at most 3 s (WebKitGTK's IndexedDB can stall in a worker, and the lab must still answer).
    await timed('save', () => Promise.race([this.save().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3000))]));
    return timed('answer', async () => {
      const headProblem = this.kernels ? trainIfStale(this.predictor, this.kernels) : undefined;
      const verdicts = this.verdicts();
      // A head that cannot be trained (e.g. a learning rate that diverges) leaves the report out; the verdicts say why.
      return { view: this.view(), verdicts: headProblem ? { ...verdicts, report: null, problem: headProblem } : verdicts, problems };
    });
  }

  /** Writes the lab unless storage has it; if another tab saved since, takes that lab first, unless `follow` is false (mid-import: the classes being filled must stay). */
  save(follow = true): Promise<void> {
    const lab = (): LabWrite => ({ shape: this.shape(), undo: this.undo, importing: this.importing, examples: this.examples });
    return this.saving.inTurn(async () => {
      if ((await this.saving.save(lab())) !== 'elsewhere' || !follow) return;
      await this.follow();
      if ((await this.saving.save(lab())) === 'elsewhere') this.saving.gaveUp();
    });
  }

  /** A save heard on the lab's channel, taken unless this tab wrote it or has it already; whether it was taken. */
  takeSave = (stamp: string): Promise<boolean> => this.saving.inTurn(async () => !this.saving.knows(stamp) && (await this.follow(), true));

  /** The lab as another tab saved it, with this tab's pictures that were never stored (see tab-merge.ts). */
  private async follow(): Promise<void> {
    const { saved, shape } = await this.saving.takeSaved(this.shape());
    for (const [id, example] of saved.examples) if (!this.examples.has(id)) this.examples.set(id, example);
    [this.undo, this.importing] = [saved.undo, saved.importing];
    if (!saved.importing) this.interrupted = undefined;
    await this.rebuild({ ...shape, modelId: this.siteModelId }, () => {});
  }

  /** Keeps the lab as it is now for the undo button, under `label` (e.g. "Undo “Clear everything”"). */
  remember = (label: string, shape = this.shape()): void => void (this.undo = { label, shape });

  /** No classes: a new store for the current model (its size, its card's calibration), with this method. */
  reset(method: Method): void {
    const { card } = this.ready();
    this.classes = new ClassStore(card.output.dim);
    this.classes.setMethod(method);
    this.predictor = new Predictor(this.classes, card.calibration);
  }

  /** Downloads and runs a catalog model, unless it already runs. */
  async load(modelId: string, backend: BackendPreference, onProgress: Progress): Promise<void> {
    if (this.model?.id === modelId) return;
    await this.replaceModel(await this.prepared.open(this.base, modelId, backend, onProgress));
    this.siteModelId = modelId;
  }

  /** Another network: the last queries are embedded again from their originals (a live frame, which has none, is dropped). */
  async replaceModel(next: LoadedModel): Promise<void> {
    await this.model?.embedder.dispose();
    this.model = next;
    const { originals, thumbs } = this.queries;
    this.queries = originals.length ? { embeddings: await embedOriginals(originals, next.embedder), thumbs, originals } : NO_QUERIES;
  }

  /**
   * The classes rebuilt for the current model from a lab's shape, embedding what the model has not seen. The last
   * queries stay (embedded by the current model, see replaceModel): an undo or an import classifies them again.
   */
  async rebuild(shape: LabShape, onProgress: Progress): Promise<void> {
    const model = this.ready();
    const ids = shape.classes.flatMap((c) => c.exampleIds);
    const embedded = await embedMissing(this.examples, ids, model.id, model.embedder, onProgress);
    // Not written (storage full) is no loss: the embeddings are made again from the kept originals.
    if (!model.id.startsWith('custom:')) await Promise.all(embedded.filter((id) => this.saving.stored.has(id)).map((id) => this.store.updateExample(id, this.examples.get(id)!).catch(() => undefined)));
    this.reset(shape.method);
    this.classes.restore({
      method: shape.method,
      head: shape.head ?? null,
      classes: shape.classes.map((c) => ({ id: c.id, name: c.name, examples: c.exampleIds.filter((id) => this.examples.has(id)).map((id) => ({ id, embedding: this.examples.get(id)!.embeddings[model.id]! })) })),
    });
  }

  /** A saved lab's examples taken into memory; 'current' keeps the running model, 'keep' the file's. */
  adopt(lab: { shape: LabShape; examples: Map<string, StoredExample> }, model: 'current' | 'keep'): LabShape {
    for (const [id, example] of lab.examples) this.examples.set(id, example);
    return model === 'current' && this.model ? { ...lab.shape, modelId: this.siteModelId } : lab.shape;
  }
}
