import { fromRows, type Kernels, type Matrix } from '../kernels/index.ts';
import type { CardCalibration } from '../models/card.ts';
import type { ClassStore, SessionClass } from './class-store.ts';
import { calibrate, normalizedSupports, type Calibration, type Supports } from './fit.ts';
import { MAX_HEAD_EXAMPLES } from './head-losses.ts';
import { fitHead, predictWithHead, type HeadFit, type HeadFitProgress } from './head-fit.ts';
import { knowledgeOf, prototypeHeldOut } from './held-out.ts';
import { headMapInput, mapPoints, type MapPoint } from './map.ts';
import { FewShotError } from './names.ts';
import type { KnowledgeReport, PredictionReport } from './reports.ts';
import { scoreWithPrototypes } from './score.ts';
import { exampleRetrieval, type RetrievalReport } from './retrieval.ts';

export type { MapPoint } from './map.ts';

interface Fit {
  ready: SessionClass[];
  supports: Supports;
  prototypes: Matrix;
  mass: Float32Array;
  calibration: Calibration;
}

/**
 * Verdicts, the map and the leave-one-out report from a ClassStore's data:
 * prototypes, temperature and open-set threshold are fitted once and cached
 * until the store's revision moves. The learned head is used once trained
 * with trainHead, an explicit step (the lab's worker takes it after each
 * change while the head is on); nothing here trains as a side effect.
 */
export class Predictor {
  private readonly store: ClassStore;
  /** The model card's fitted temperatures and one-shot thresholds, if it has them. */
  private readonly card: CardCalibration | undefined;
  private fitted: { revision: number; fit: Fit } | undefined;
  private trained: { revision: number; fit: HeadFit } | undefined;

  constructor(store: ClassStore, card?: CardCalibration) {
    this.store = store;
    this.card = card;
  }

  /** Trains the head on the current examples with the store's head options, reporting progress; used until the store changes. */
  trainHead(kernels: Kernels, progress?: HeadFitProgress): HeadFit {
    const options = this.store.head;
    if (!options) throw new FewShotError('Choose a loss for the learned metric first.');
    if (!this.store.canLearnMetric()) throw new FewShotError(`Learning a metric needs at least two classes with two examples or more each, and at most ${MAX_HEAD_EXAMPLES} examples in all.`);
    const fit = fitHead(kernels, this.fit(kernels).supports, this.store.method, options, this.card, progress);
    this.trained = { revision: this.store.revision, fit };
    return fit;
  }

  /** Whether the head is on but not trained for the current examples (the caller decides when to train it). */
  headIsStale(): boolean {
    return this.store.head !== null && this.store.canLearnMetric() && !this.headFit();
  }

  /** Leave-one-out accuracy per class and the confusion matrix, for prototypes and (when trained) the head. */
  knowledge(kernels: Kernels): KnowledgeReport | null {
    if (!this.store.canLearnMetric()) return null;
    const fit = this.fit(kernels);
    const prototypes = knowledgeOf(prototypeHeldOut(kernels, fit.supports, fit.prototypes, fit.mass, this.store.method), fit.ready.length);
    const head = this.headFit();
    return { classIds: fit.ready.map((c) => c.id), prototypes, ...(head ? { head: knowledgeOf(head.heldOut, fit.ready.length) } : {}) };
  }

  /** Every example as a query against all the others, by the lab's metric and (when trained) the head; null before two classes have examples. */
  retrieval(kernels: Kernels): RetrievalReport | null {
    if (this.store.ready().length < 2) return null;
    const { ready, supports } = this.fit(kernels);
    const head = this.headFit();
    return exampleRetrieval(kernels, { ready, normalized: supports.normalized, labels: supports.labels, metric: this.store.method.metric, ...(head ? { head: { head: head.head, x: head.x } } : {}) });
  }

  /** The calibration the next prediction will use (temperature, threshold and where they came from). */
  calibration(kernels: Kernels): Calibration {
    return this.fit(kernels).calibration;
  }

  /** Classifies queries against the classes that have examples; needs at least two such classes. */
  predict(kernels: Kernels, queries: Matrix | Float32Array[]): PredictionReport {
    const fit = this.fit(kernels);
    const q = Array.isArray(queries) ? fromRows(queries) : queries;
    const method = this.store.method;
    const skipped = this.store.list().filter((c) => c.exampleIds.length === 0).map((c) => c.id);
    const headFit = this.headFit();
    const head = headFit ? headFit.head.options : null;
    if (q.rows === 0) return { predictions: [], skipped, calibration: headFit?.calibration ?? fit.calibration, head };
    const normalized = kernels.normalize(q, method.normalization, fit.supports.mean);
    const { result, calibration } = headFit ? { result: predictWithHead(kernels, headFit, normalized), calibration: headFit.calibration } : scoreWithPrototypes(kernels, fit, q, method, this.card);
    const toExamples = kernels.distances(method.metric, normalized, fit.supports.normalized);
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
    if (this.store.ready().length < 1) return [];
    const fit = this.fit(kernels, 1);
    const headFit = this.headFit();
    return mapPoints(kernels, headFit ? headMapInput(fit, headFit.x, headFit.head) : fit, queries, this.store.method);
  }

  /** The map with these proxies in place of the prototypes: the head's training, step by step. */
  mapWithProxies(kernels: Kernels, proxies: Matrix, queries: Float32Array[]): MapPoint[] {
    const fit = this.fit(kernels);
    return mapPoints(kernels, headMapInput(fit, kernels.normalize(fit.supports.normalized, 'l2'), { proxies }), queries, this.store.method);
  }

  /** The trained head, if it was trained on the store as it is now and the head is still on. */
  private headFit(): HeadFit | undefined {
    return this.store.head && this.trained?.revision === this.store.revision ? this.trained.fit : undefined;
  }

  private fit(kernels: Kernels, minimum = 2): Fit {
    if (this.fitted?.revision === this.store.revision) return this.fitted.fit;
    const ready = this.store.ready();
    if (ready.length < minimum) throw new FewShotError(`Prediction needs at least two classes with examples; ${ready.length === 1 ? 'only one has' : 'none has'} any yet.`);
    const raw = fromRows(ready.flatMap((c) => c.examples.map((e) => e.embedding)));
    const labels = Int32Array.from(ready.flatMap((c, label) => c.examples.map(() => label)));
    const supports = normalizedSupports(kernels, raw, labels, ready.length, this.store.method);
    const { prototypes, mass } = kernels.prototypes(supports.normalized, labels, ready.length);
    const calibration = calibrate(kernels, supports, prototypes, mass, this.store.method, this.card);
    const fit = { ready, supports, prototypes, mass, calibration };
    // A one-class fit serves the map only; it is not kept for predictions.
    if (ready.length >= 2) this.fitted = { revision: this.store.revision, fit };
    return fit;
  }
}
