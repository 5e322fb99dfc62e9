import { fromRows, type Kernels, type Matrix, type Metric, type Normalization } from '../kernels/index.ts';

/**
 * The few-shot classifier's state, without any DOM: classes, their example
 * embeddings, and predictions for queries through the kernels. Modelled on
 * TensorFlow.js's KNN classifier (add examples, predict, save, restore), with
 * prototypes instead of a neighbour vote, and an "unknown" answer.
 */
export interface FewShotClass {
  id: string;
  /** Plain text as the visitor typed it; never HTML. */
  name: string;
  examples: Float32Array[];
}

export interface PredictOptions {
  metric: Metric;
  normalization: Normalization;
  temperature: number;
  /** Soft k-means steps that also use the queries as unlabeled data. */
  refine: number;
}

export interface ClassScore {
  classId: string;
  probability: number;
  distance: number;
}

export interface NearestExample {
  classId: string;
  /** Index of the example within its class. */
  index: number;
  distance: number;
}

export interface Prediction {
  /** The closest class, or null when the query is farther than the calibrated open-set threshold. */
  classId: string | null;
  scores: ClassScore[];
  /** The examples closest to the query, nearest first (up to three). */
  nearest: NearestExample[];
}

export interface MapPoint {
  kind: 'example' | 'prototype' | 'query';
  /** The class of an example or prototype; null for a query. */
  classId: string | null;
  x: number;
  y: number;
}

export interface PredictionReport {
  predictions: Prediction[];
  /** Classes left out because they have no examples yet. */
  skipped: string[];
  threshold: number;
}

export class FewShotError extends Error {
  override name = 'FewShotError';
}

/** The session's serialisable form: version, embedding size, classes with base64 float32 examples. */
export interface SessionData {
  version: 1;
  dim: number;
  classes: Array<{ id: string; name: string; examples: string[] }>;
}

export class FewShotSession {
  readonly dim: number;
  private readonly classes: FewShotClass[] = [];
  private nextId = 1;

  constructor(dim: number) {
    if (!Number.isInteger(dim) || dim < 1) throw new FewShotError(`The embedding size must be a whole number ≥ 1; got ${dim}.`);
    this.dim = dim;
  }

  /** A copy of the classes, so callers cannot change the session behind its back. */
  getClasses(): Array<{ id: string; name: string; exampleCount: number }> {
    return this.classes.map((c) => ({ id: c.id, name: c.name, exampleCount: c.examples.length }));
  }

  addClass(name: string): string {
    const id = `class-${this.nextId++}`;
    this.classes.push({ id, name: cleanName(name), examples: [] });
    return id;
  }

  /** Renames a class; returns the name as kept (spaces tidied, at most 80 characters). */
  renameClass(id: string, name: string): string {
    return (this.find(id).name = cleanName(name));
  }

  removeClass(id: string): void {
    this.classes.splice(this.classes.indexOf(this.find(id)), 1);
  }

  addExample(classId: string, embedding: Float32Array): number {
    if (embedding.length !== this.dim) {
      throw new FewShotError(`This embedding has ${embedding.length} values, but the session's model gives ${this.dim}.`);
    }
    if (!embedding.every(Number.isFinite)) throw new FewShotError('This embedding contains NaN or infinity; the image could not be embedded.');
    const target = this.find(classId);
    target.examples.push(embedding.slice());
    return target.examples.length - 1;
  }

  removeExample(classId: string, index: number): void {
    const target = this.find(classId);
    if (!(index >= 0 && index < target.examples.length)) throw new FewShotError(`Class "${target.name}" has no example ${index}.`);
    target.examples.splice(index, 1);
  }

  /** Classifies queries against the classes that have examples; needs at least two such classes. */
  predict(kernels: Kernels, queries: Float32Array[], options: PredictOptions): PredictionReport {
    const ready = this.classes.filter((c) => c.examples.length > 0);
    const skipped = this.classes.filter((c) => c.examples.length === 0).map((c) => c.id);
    if (ready.length < 2) {
      throw new FewShotError(`Prediction needs at least two classes with examples; ${ready.length === 1 ? 'only one has' : 'none has'} any yet.`);
    }
    if (queries.length === 0) return { predictions: [], skipped, threshold: Infinity };
    const supports = ready.flatMap((c) => c.examples);
    const labels = ready.flatMap((c, label) => c.examples.map(() => label));
    const supportMatrix = fromRows(supports);
    const queryMatrix = fromRows(queries);
    const result = kernels.classify({
      supports: supportMatrix,
      labels,
      classes: ready.length,
      queries: queryMatrix,
      metric: options.metric,
      normalization: options.normalization,
      temperature: options.temperature,
      refineIterations: options.refine,
    });
    // Distances to every example, in the same normalised space as the prototypes.
    const normalize = (m: Matrix) => kernels.normalize(m, options.normalization, result.mean);
    const toExamples = kernels.distances(options.metric, normalize(queryMatrix), normalize(supportMatrix));
    const owner = ready.flatMap((c) => c.examples.map((_, index) => ({ classId: c.id, index })));
    const predictions = queries.map((_, q) => ({
      classId: result.unknown[q] ? null : ready[result.predicted[q]!]!.id,
      scores: ready.map((c, k) => ({
        classId: c.id,
        probability: result.probabilities.data[q * ready.length + k]!,
        distance: result.distances.data[q * ready.length + k]!,
      })),
      nearest: owner
        .map((o, s) => ({ ...o, distance: toExamples.data[q * supports.length + s]! }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 3),
    }));
    return { predictions, skipped, threshold: result.calibration.threshold };
  }

  /**
   * A 2-D map (the two principal directions, by the PCA kernel) of the
   * examples, the class prototypes and the queries, normalised as for prediction.
   */
  map(kernels: Kernels, queries: Float32Array[], normalization: Normalization): MapPoint[] {
    const ready = this.classes.filter((c) => c.examples.length > 0);
    const examples = ready.flatMap((c) => c.examples.map(() => c.id));
    if (examples.length + queries.length < 2) return [];
    const all = fromRows([...ready.flatMap((c) => c.examples), ...queries]);
    const supports = fromRows(ready.flatMap((c) => c.examples));
    const mean = normalization === 'cl2n' ? kernels.mean(supports) : undefined;
    const normalized = kernels.normalize(all, normalization, mean);
    const exampleRows = { data: normalized.data.subarray(0, examples.length * this.dim), rows: examples.length, cols: this.dim };
    const labels = ready.flatMap((c, k) => c.examples.map(() => k));
    const prototypes = ready.length ? kernels.prototypes(exampleRows, labels, ready.length).prototypes : { data: new Float32Array(0), rows: 0, cols: this.dim };
    const points = new Float32Array((normalized.rows + prototypes.rows) * this.dim);
    points.set(normalized.data);
    points.set(prototypes.data, normalized.data.length);
    const { coords } = kernels.project2d({ data: points, rows: normalized.rows + prototypes.rows, cols: this.dim });
    const at = (i: number) => ({ x: coords[2 * i]!, y: coords[2 * i + 1]! });
    return [
      ...examples.map((classId, i) => ({ kind: 'example' as const, classId, ...at(i) })),
      ...queries.map((_, i) => ({ kind: 'query' as const, classId: null, ...at(examples.length + i) })),
      ...ready.map((c, k) => ({ kind: 'prototype' as const, classId: c.id, ...at(normalized.rows + k) })),
    ];
  }

  toJSON(): SessionData {
    return { version: 1, dim: this.dim, classes: this.classes.map((c) => ({ id: c.id, name: c.name, examples: c.examples.map(encodeFloats) })) };
  }

  /** Restores a session from `toJSON()` output, checking everything a corrupt or foreign file could get wrong. */
  static fromJSON(value: unknown): FewShotSession {
    const data = value as Partial<SessionData> | null;
    if (!data || typeof data !== 'object') throw new FewShotError('This is not a saved session.');
    if (data.version !== 1) throw new FewShotError(`This session was saved by another version of Metric Atlas (format ${String(data.version)}); this one reads format 1.`);
    if (!Number.isInteger(data.dim) || !Array.isArray(data.classes)) throw new FewShotError('The saved session is damaged: its embedding size or class list is missing.');
    const session = new FewShotSession(data.dim!);
    for (const saved of data.classes) {
      if (typeof saved?.name !== 'string' || !Array.isArray(saved.examples)) throw new FewShotError('The saved session is damaged: a class has no name or examples.');
      const id = session.addClass(saved.name);
      for (const example of saved.examples) session.addExample(id, decodeFloats(example, session.dim));
    }
    return session;
  }

  private find(id: string): FewShotClass {
    const found = this.classes.find((c) => c.id === id);
    if (!found) throw new FewShotError(`There is no class ${id}.`);
    return found;
  }
}

const MAX_NAME = 80;

function cleanName(name: string): string {
  const trimmed = String(name).replace(/\s+/g, ' ').trim();
  if (!trimmed) throw new FewShotError('A class needs a name.');
  if (trimmed.length > MAX_NAME) throw new FewShotError(`A class name can have at most ${MAX_NAME} characters; this one has ${trimmed.length}.`);
  return trimmed;
}

function encodeFloats(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decodeFloats(text: unknown, dim: number): Float32Array {
  if (typeof text !== 'string') throw new FewShotError('The saved session is damaged: an example is not encoded text.');
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new FewShotError('The saved session is damaged: an example is not valid base64.');
  }
  if (binary.length !== dim * 4) {
    throw new FewShotError(`The saved session is damaged: an example holds ${binary.length} bytes, but a ${dim}-value embedding needs ${dim * 4}.`);
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}
