import { fromRows, type Kernels, type Matrix } from '../kernels/index.ts';
import type { CardCalibration } from '../models/card.ts';
import { calibrate, normalizedSupports, type Calibration, type Supports } from './fit.ts';
import { checkHeadOptions, type HeadOptions } from './head.ts';
import { MAX_HEAD_EXAMPLES } from './head-losses.ts';
import { fitHead, predictWithHead, type HeadFit, type HeadFitProgress } from './head-fit.ts';
import { knowledgeOf, prototypeHeldOut, type Knowledge } from './held-out.ts';
import { checkMethod, DEFAULT_METHOD, type Method } from './method.ts';
import { headMapInput, mapPoints, type MapPoint } from './map.ts';
import { scoreWithPrototypes } from './score.ts';
import { cleanName, FewShotError, ids } from './names.ts';

export { FewShotError } from './names.ts';
export type { MapPoint } from './map.ts';

/**
 * The few-shot classifier's state, without any DOM: classes and examples by
 * id, the method, and everything derived from them (prototypes, temperature,
 * open-set threshold), cached until an example, a class or the method
 * changes. Modelled on TensorFlow.js's KNN classifier (it owns its data set);
 * the lab's worker and the evaluation harness in Node run this same code.
 */
export interface SessionClass {
  id: string;
  name: string;
  examples: Array<{ id: string; embedding: Float32Array }>;
}

export interface ClassScore {
  classId: string;
  /** Softmax of −distance / T: calibrated when T came from the card or the examples. */
  probability: number;
  distance: number;
}

export interface Prediction {
  /** The closest class, or null when the query is farther than the open-set threshold. */
  classId: string | null;
  nearestClassId: string;
  scores: ClassScore[];
  /** The examples closest to the query, nearest first (up to three). */
  nearest: Array<{ classId: string; exampleId: string; distance: number }>;
}

export interface PredictionReport {
  predictions: Prediction[];
  /** Classes left out because they have no examples yet. */
  skipped: string[];
  calibration: Calibration;
  /** The learned metric the verdicts used, or null for plain prototypes. */
  head: HeadOptions | null;
}

/** How well the classifier knows the visitor's classes, judged on examples it did not see (per class, in class order). */
export interface KnowledgeReport {
  classIds: string[];
  prototypes: Knowledge;
  /** With the head on and trainable. */
  head?: Knowledge;
}

interface Fit {
  ready: SessionClass[];
  supports: Supports;
  prototypes: Matrix;
  mass: Float32Array;
  calibration: Calibration;
}

export class FewShotSession {
  readonly dim: number;
  private readonly classes: SessionClass[] = [];
  private current: Method = DEFAULT_METHOD;
  private fitted: Fit | undefined;
  private headOptions: HeadOptions | null = null;
  private headFitted: HeadFit | undefined;
  /** The model card's fitted temperatures and one-shot thresholds, if it has them. */
  private readonly card: CardCalibration | undefined;

  constructor(dim: number, card?: CardCalibration) {
    this.card = card;
    if (!Number.isInteger(dim) || dim < 1) throw new FewShotError(`The embedding size must be a whole number ≥ 1; got ${dim}.`);
    this.dim = dim;
  }

  get method(): Method {
    return this.current;
  }

  /** A copy of the classes' names and example ids, so callers cannot change the session behind its back. */
  list(): Array<{ id: string; name: string; exampleIds: string[] }> {
    return this.classes.map((c) => ({ id: c.id, name: c.name, exampleIds: c.examples.map((e) => e.id) }));
  }

  setMethod(method: Partial<Method>): Method {
    this.current = checkMethod({ ...this.current, ...method });
    return this.changed(this.current);
  }

  /** Adds a class at `index` (default: the end); refuses a blank name or one another class has. */
  addClass(name: string, id: string = ids.next('class'), index = this.classes.length): string {
    if (this.classes.some((c) => c.id === id)) throw new FewShotError(`There is already a class ${id}.`);
    this.classes.splice(index, 0, { id, name: this.uniqueName(name), examples: [] });
    return this.changed(id);
  }

  renameClass(id: string, name: string): string {
    const target = this.find(id);
    return (target.name = this.uniqueName(name, target));
  }

  /** Removes a class and returns it with its position, so it can be put back. */
  removeClass(id: string): { removed: SessionClass; index: number } {
    const index = this.classes.indexOf(this.find(id));
    const [removed] = this.classes.splice(index, 1);
    return this.changed({ removed: removed!, index });
  }

  addExample(classId: string, embedding: Float32Array, id: string = ids.next('example')): string {
    if (embedding.length !== this.dim) throw new FewShotError(`This embedding has ${embedding.length} values, but the model gives ${this.dim}.`);
    if (!embedding.every(Number.isFinite)) throw new FewShotError('This embedding contains NaN or infinity; the image could not be embedded.');
    if (this.classes.some((c) => c.examples.some((e) => e.id === id))) throw new FewShotError(`There is already an example ${id}.`);
    this.find(classId).examples.push({ id, embedding: embedding.slice() });
    return this.changed(id);
  }

  removeExample(id: string): void {
    for (const c of this.classes) {
      const at = c.examples.findIndex((e) => e.id === id);
      if (at !== -1) return void this.changed(c.examples.splice(at, 1));
    }
    throw new FewShotError(`There is no example ${id}.`);
  }

  /** The learned metric head's options, or null when verdicts use plain prototypes. */
  get head(): HeadOptions | null {
    return this.headOptions;
  }

  /** Turns the learned metric on (it trains on the next prediction, or now with trainHead) or off (null). */
  setHead(options: Partial<HeadOptions> | null): HeadOptions | null {
    this.headOptions = options === null ? null : checkHeadOptions(options);
    this.headFitted = undefined;
    return this.headOptions;
  }

  /** Whether the examples allow a head: two classes with two examples or more (it needs held-out examples to calibrate), and not too many. */
  canLearnMetric(): boolean {
    const total = this.classes.reduce((sum, c) => sum + c.examples.length, 0);
    return this.classes.filter((c) => c.examples.length >= 2).length >= 2 && total <= MAX_HEAD_EXAMPLES;
  }

  /** Trains the head now, reporting progress; later predictions use it until the examples change (then it retrains). */
  trainHead(kernels: Kernels, options: Partial<HeadOptions>, progress?: HeadFitProgress): HeadFit {
    this.setHead(options);
    if (!this.canLearnMetric()) throw new FewShotError(`Learning a metric needs at least two classes with two examples or more each, and at most ${MAX_HEAD_EXAMPLES} examples in all.`);
    return this.fitHeadNow(kernels, progress);
  }

  /** Leave-one-out accuracy per class and the confusion matrix, for prototypes and (when on) the head. */
  knowledge(kernels: Kernels): KnowledgeReport | null {
    if (!this.canLearnMetric()) return null;
    const fit = this.fit(kernels);
    const prototypes = knowledgeOf(prototypeHeldOut(kernels, fit.supports, fit.prototypes, fit.mass, this.current), fit.ready.length);
    const head = this.headOptions ? knowledgeOf(this.fitHeadNow(kernels).heldOut, fit.ready.length) : undefined;
    return { classIds: fit.ready.map((c) => c.id), prototypes, ...(head ? { head } : {}) };
  }

  /** The calibration the next prediction will use (temperature, threshold and where they came from). */
  calibration(kernels: Kernels): Calibration {
    return this.fit(kernels).calibration;
  }

  /** Classifies queries against the classes that have examples; needs at least two such classes. */
  predict(kernels: Kernels, queries: Matrix | Float32Array[]): PredictionReport {
    const fit = this.fit(kernels);
    const q = Array.isArray(queries) ? fromRows(queries) : queries;
    const method = this.current;
    const skipped = this.classes.filter((c) => c.examples.length === 0).map((c) => c.id);
    const headFit = this.headOptions && this.canLearnMetric() ? this.fitHeadNow(kernels) : undefined;
    const head = headFit ? headFit.head.options : null;
    if (q.rows === 0) return { predictions: [], skipped, calibration: headFit?.calibration ?? fit.calibration, head };
    const { result, calibration } = headFit
      ? { result: predictWithHead(kernels, headFit, kernels.normalize(q, method.normalization, fit.supports.mean)), calibration: headFit.calibration }
      : scoreWithPrototypes(kernels, fit, q, method, this.card);
    const toExamples = kernels.distances(method.metric, kernels.normalize(q, method.normalization, fit.supports.mean), fit.supports.normalized);
    const owners = fit.ready.flatMap((c) => c.examples.map((e) => ({ classId: c.id, exampleId: e.id })));
    const k = fit.ready.length;
    const predictions = Array.from({ length: q.rows }, (_, r) => ({
      classId: result.unknown[r] ? null : fit.ready[result.predicted[r]!]!.id,
      nearestClassId: fit.ready[result.predicted[r]!]!.id,
      scores: fit.ready.map((c, j) => ({ classId: c.id, probability: result.probabilities.data[r * k + j]!, distance: result.distances.data[r * k + j]! })),
      nearest: owners
        .map((o, s) => ({ ...o, distance: toExamples.data[r * owners.length + s]! }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 3),
    }));
    return { predictions, skipped, calibration, head };
  }

  /** The embedding map: examples, prototypes and queries on the two principal directions. */
  map(kernels: Kernels, queries: Float32Array[]): MapPoint[] {
    const fit = this.ready().length >= 1 ? this.fit(kernels, 1) : undefined;
    if (!fit) return [];
    const headFit = this.headOptions && this.canLearnMetric() ? this.fitHeadNow(kernels) : undefined;
    return mapPoints(kernels, headFit ? headMapInput(fit, headFit.x, headFit.head) : fit, queries, this.current);
  }

  /** The map with these proxies in place of the prototypes: the head's training, step by step. */
  mapWithProxies(kernels: Kernels, proxies: Matrix, queries: Float32Array[]): MapPoint[] {
    const fit = this.fit(kernels);
    return mapPoints(kernels, headMapInput(fit, kernels.normalize(fit.supports.normalized, 'l2'), { proxies }), queries, this.current);
  }

  private fit(kernels: Kernels, minimum = 2): Fit {
    if (this.fitted) return this.fitted;
    const ready = this.ready();
    if (ready.length < minimum) throw new FewShotError(`Prediction needs at least two classes with examples; ${ready.length === 1 ? 'only one has' : 'none has'} any yet.`);
    const raw = fromRows(ready.flatMap((c) => c.examples.map((e) => e.embedding)));
    const labels = Int32Array.from(ready.flatMap((c, label) => c.examples.map(() => label)));
    const supports = normalizedSupports(kernels, raw, labels, ready.length, this.current);
    const { prototypes, mass } = kernels.prototypes(supports.normalized, labels, ready.length);
    const calibration = calibrate(kernels, supports, prototypes, mass, this.current, this.card);
    const fit = { ready, supports, prototypes, mass, calibration };
    // A one-class fit serves the map only; it is not kept for predictions.
    if (ready.length >= 2) this.fitted = fit;
    return fit;
  }

  private fitHeadNow(kernels: Kernels, progress?: HeadFitProgress): HeadFit {
    if (this.headFitted) return this.headFitted;
    return (this.headFitted = fitHead(kernels, this.fit(kernels).supports, this.current, this.headOptions!, this.card, progress));
  }

  private ready(): SessionClass[] {
    return this.classes.filter((c) => c.examples.length > 0);
  }

  /** Every change goes through here: the derived state is dropped and rebuilt on the next prediction. */
  private changed<T>(value: T): T {
    this.fitted = undefined;
    this.headFitted = undefined;
    return value;
  }

  private uniqueName(name: string, self?: SessionClass): string {
    const clean = cleanName(name);
    const clash = this.classes.find((c) => c !== self && c.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
    if (clash) throw new FewShotError(`There is already a class called “${clash.name}”; give this one another name.`);
    return clean;
  }

  private find(id: string): SessionClass {
    const found = this.classes.find((c) => c.id === id);
    if (!found) throw new FewShotError(`There is no class ${id}.`);
    return found;
  }
}
