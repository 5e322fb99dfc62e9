import { Arena } from './arena.ts';
import { LossKernels, type LossExports } from './losses.ts';
import { TransportKernels, type TransportExports } from './transport.ts';
import { uploadMatrix } from './upload.ts';
import { KernelInputError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { isMetric, METRICS, type Metric } from './metrics.ts';
import {
  checkLabels,
  checkMatrix,
  checkPositive,
  checkSameWidth,
  checkWholeNumber,
  toInt32,
} from './validate.ts';

/** The flat exports of assembly/index.ts. Pointers and sizes are plain numbers. */
interface CoreExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  usesRelaxedSimd(): number;
  firstNonFinite(ptr: number, count: number): number;
  l2NormalizeRows(ptr: number, rows: number, dim: number): void;
  meanRows(ptr: number, rows: number, dim: number, out: number): void;
  centerRows(ptr: number, rows: number, dim: number, mean: number): void;
  prototypes(emb: number, labels: number, weights: number, n: number, dim: number, classes: number, out: number, mass: number): void;
  distanceMatrix(metric: number, q: number, nq: number, p: number, np: number, dim: number, out: number, scratch: number): void;
  distanceRows(metric: number, a: number, b: number, rows: number, dim: number, out: number, scratch: number): void;
  distanceScratchBytes(nq: number, np: number): number;
  softmaxNegatives(d: number, rows: number, cols: number, temperature: number, out: number): void;
  nearest(d: number, rows: number, cols: number, outIndex: number, outDistance: number): void;
  leaveOneOutPrototypes(emb: number, labels: number, n: number, dim: number, counts: number, out: number): void;
  refinePrototypes(
    metric: number,
    unlabeled: number,
    nu: number,
    dim: number,
    classes: number,
    iterations: number,
    temperature: number,
    protos: number,
    counts: number,
    labeledSums: number,
    assignments: number,
    scratch: number,
  ): void;
  pca2(ptr: number, n: number, dim: number, iterations: number, coords: number, components: number, variances: number, scratch: number): void;
}

type KernelExports = CoreExports & LossExports & TransportExports;

export type Normalization = 'none' | 'l2' | 'cl2n';
export const NORMALIZATIONS: readonly Normalization[] = ['none', 'l2', 'cl2n'];

export interface PrototypeResult {
  prototypes: Matrix;
  /** Total weight (the number of examples, when unweighted) behind each prototype. */
  mass: Float32Array;
}

export interface OpenSetCalibration {
  /** Distances above this are "unknown". Infinity when no class has two examples to calibrate with. */
  threshold: number;
  /** How many leave-one-out distances the threshold was computed from. */
  samples: number;
}

export interface Projection {
  /** n × 2 coordinates, row-major. */
  coords: Float32Array;
  /** 2 × dim unit directions. */
  components: Matrix;
  /** Variance along each direction. */
  variances: [number, number];
}

export interface FewShotInput {
  supports: Matrix;
  labels: ArrayLike<number>;
  classes: number;
  queries: Matrix;
  metric: Metric;
  normalization?: Normalization;
  temperature?: number;
  /** Soft k-means steps with the queries as unlabeled data; 0 = none. */
  refineIterations?: number;
  /** Quantile of leave-one-out support distances used as the open-set threshold. */
  openSetQuantile?: number;
}

export interface PredictInput {
  queries: Matrix;
  /** Prototypes as `classify` returns them (already normalised, refined if asked). */
  prototypes: Matrix;
  metric: Metric;
  temperature?: number;
  /** Open-set threshold from `classify` or `calibrateOpenSet`; Infinity (default) never answers "unknown". */
  threshold?: number;
  /** How the prototypes' supports were normalised; queries get the same treatment. */
  normalization?: Normalization;
  /** For 'cl2n': the supports' mean that `classify` centred on (FewShotResult.mean). */
  mean?: Float32Array;
}

export interface Prediction {
  distances: Matrix;
  probabilities: Matrix;
  predicted: Int32Array;
  nearestDistance: Float32Array;
  /** 1 where the query is farther from every prototype than the threshold. */
  unknown: Uint8Array;
}

export interface FewShotResult extends Prediction {
  prototypes: Matrix;
  calibration: OpenSetCalibration;
  /** For 'cl2n': the supports' mean everything was centred on; pass it to `predict`. */
  mean?: Float32Array;
}

export const DEFAULT_OPEN_SET_QUANTILE = 0.95;

/**
 * Typed, validated access to the AssemblyScript kernels. Every method checks
 * its input first and throws a KernelInputError naming the problem; WASM
 * memory is owned here and reused across calls.
 */
export class Kernels {
  private readonly wasm: KernelExports;
  private readonly arena: Arena;
  /** Circle and Multi-Similarity losses. */
  readonly losses: LossKernels;
  /** Sliced Wasserstein distance. */
  readonly transport: TransportKernels;

  constructor(wasm: KernelExports) {
    this.wasm = wasm;
    this.arena = new Arena(wasm.memory, wasm.heapBase());
    this.losses = new LossKernels(wasm, this.arena);
    this.transport = new TransportKernels(wasm, this.arena);
  }

  /** Whether this module was built with relaxed SIMD (fused multiply-add). */
  get relaxedSimd(): boolean {
    return this.wasm.usesRelaxedSimd() !== 0;
  }

  /** Size of the module's linear memory, for leak checks and reports. */
  get memoryBytes(): number {
    return this.arena.memoryBytes;
  }

  /** Returns a normalised copy: rows scaled to unit length, or centred on `mean` (default: their own mean) first. */
  normalize(m: Matrix, mode: Normalization, mean?: Float32Array): Matrix {
    this.checkNormalization(mode);
    this.arena.reset();
    const ptr = this.upload('The matrix', m);
    const meanPtr = mode === 'cl2n' ? this.meanPointer(ptr, m, mean) : 0;
    this.normalizeInPlace(ptr, m.rows, m.cols, mode, meanPtr);
    return { data: this.arena.f32(ptr, m.data.length).slice(), rows: m.rows, cols: m.cols };
  }

  /** Column means. */
  mean(m: Matrix): Float32Array {
    this.arena.reset();
    const ptr = this.upload('The matrix', m);
    const out = this.arena.alloc(m.cols * 4);
    this.wasm.meanRows(ptr, m.rows, m.cols, out);
    return this.arena.f32(out, m.cols).slice();
  }

  /** Class means of `embeddings`, optionally weighted per row. */
  prototypes(embeddings: Matrix, labels: ArrayLike<number>, classes: number, weights?: Float32Array): PrototypeResult {
    const labelArray = toInt32(labels);
    checkMatrix('Embeddings', embeddings);
    checkLabels(labelArray, embeddings.rows, classes, { allowEmptyClass: weights !== undefined });
    if (weights) this.checkWeights(weights, embeddings.rows, labelArray, classes);
    this.arena.reset();
    const emb = this.upload('Embeddings', embeddings);
    const labelPtr = this.arena.putI32(labelArray);
    const weightPtr = weights ? this.arena.putF32(weights) : 0;
    const out = this.arena.alloc(classes * embeddings.cols * 4);
    const mass = this.arena.alloc(classes * 4);
    this.wasm.prototypes(emb, labelPtr, weightPtr, embeddings.rows, embeddings.cols, classes, out, mass);
    return {
      prototypes: { data: this.arena.f32(out, classes * embeddings.cols).slice(), rows: classes, cols: embeddings.cols },
      mass: this.arena.f32(mass, classes).slice(),
    };
  }

  /** d(q_i, p_j) for every query and prototype. */
  distances(metric: Metric, queries: Matrix, prototypes: Matrix): Matrix {
    this.checkMetric(metric);
    checkMatrix('Queries', queries);
    checkMatrix('Prototypes', prototypes);
    checkSameWidth('queries', queries, 'prototypes', prototypes);
    this.arena.reset();
    const q = this.upload('Queries', queries);
    const p = this.upload('Prototypes', prototypes);
    const out = this.distanceMatrixAt(metric, q, queries.rows, p, prototypes.rows, queries.cols);
    return { data: this.arena.f32(out, queries.rows * prototypes.rows).slice(), rows: queries.rows, cols: prototypes.rows };
  }

  /** d(a_i, b_i) row by row. */
  rowDistances(metric: Metric, a: Matrix, b: Matrix): Float32Array {
    this.checkMetric(metric);
    checkMatrix('The first matrix', a);
    checkMatrix('The second matrix', b);
    checkSameWidth('the first rows', a, 'the second rows', b);
    if (a.rows !== b.rows) {
      throw new KernelInputError(`Row-by-row distances need the same number of rows; got ${a.rows} and ${b.rows}.`);
    }
    this.arena.reset();
    const aPtr = this.upload('The first matrix', a);
    const bPtr = this.upload('The second matrix', b);
    const out = this.arena.alloc(a.rows * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(a.rows, a.rows));
    this.wasm.distanceRows(METRICS[metric].id, aPtr, bPtr, a.rows, a.cols, out, scratch);
    return this.arena.f32(out, a.rows).slice();
  }

  /** softmax(−d / T) per row. */
  probabilities(distances: Matrix, temperature = 1): Matrix {
    checkMatrix('Distances', distances);
    checkPositive('The temperature', temperature);
    this.arena.reset();
    const d = this.upload('Distances', distances);
    this.wasm.softmaxNegatives(d, distances.rows, distances.cols, temperature, d);
    return { data: this.arena.f32(d, distances.data.length).slice(), rows: distances.rows, cols: distances.cols };
  }

  /** The closest column of each row of a distance matrix. */
  nearest(distances: Matrix): { index: Int32Array; distance: Float32Array } {
    checkMatrix('Distances', distances);
    this.arena.reset();
    const d = this.upload('Distances', distances);
    const index = this.arena.alloc(distances.rows * 4);
    const distance = this.arena.alloc(distances.rows * 4);
    this.wasm.nearest(d, distances.rows, distances.cols, index, distance);
    return { index: this.arena.i32(index, distances.rows).slice(), distance: this.arena.f32(distance, distances.rows).slice() };
  }

  /**
   * An open-set threshold from the supports alone: the `quantile` of the
   * distances from each support to its class prototype computed without it.
   */
  calibrateOpenSet(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, quantile = DEFAULT_OPEN_SET_QUANTILE): OpenSetCalibration {
    this.checkMetric(metric);
    this.checkQuantile(quantile);
    const labelArray = toInt32(labels);
    checkMatrix('Supports', supports);
    checkLabels(labelArray, supports.rows, classes);
    this.arena.reset();
    const emb = this.upload('Supports', supports);
    const labelPtr = this.arena.putI32(labelArray);
    return this.calibrateAt(metric, emb, labelPtr, labelArray, supports.rows, supports.cols, classes, quantile, this.prototypesAt(emb, labelPtr, supports.rows, supports.cols, classes));
  }

  /** Soft k-means refinement of labeled prototypes with unlabeled rows (Ren et al., 2018). */
  refine(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, unlabeled: Matrix, iterations: number, temperature = 1): Matrix {
    this.checkMetric(metric);
    checkWholeNumber('The number of refinement iterations', iterations, 0);
    checkPositive('The temperature', temperature);
    const labelArray = toInt32(labels);
    checkMatrix('Supports', supports);
    checkMatrix('Unlabeled rows', unlabeled);
    checkSameWidth('supports', supports, 'unlabeled rows', unlabeled);
    checkLabels(labelArray, supports.rows, classes);
    this.arena.reset();
    const emb = this.upload('Supports', supports);
    const free = this.upload('Unlabeled rows', unlabeled);
    const labelPtr = this.arena.putI32(labelArray);
    const protos = this.prototypesAt(emb, labelPtr, supports.rows, supports.cols, classes);
    this.refineAt(metric, free, unlabeled.rows, supports.cols, classes, iterations, temperature, protos);
    return { data: this.arena.f32(protos.prototypes, classes * supports.cols).slice(), rows: classes, cols: supports.cols };
  }

  /** The two principal directions of the rows and each row's coordinates along them. */
  project2d(m: Matrix, iterations = 100): Projection {
    checkMatrix('The matrix', m);
    checkWholeNumber('The number of power iterations', iterations, 1);
    this.arena.reset();
    const ptr = this.upload('The matrix', m);
    const coords = this.arena.alloc(m.rows * 2 * 4);
    const components = this.arena.alloc(2 * m.cols * 4);
    const variances = this.arena.alloc(2 * 8);
    const scratch = this.arena.alloc((5 * m.cols + m.rows) * 8);
    this.wasm.pca2(ptr, m.rows, m.cols, iterations, coords, components, variances, scratch);
    const [first, second] = this.arena.f64(variances, 2);
    return {
      coords: this.arena.f32(coords, m.rows * 2).slice(),
      components: { data: this.arena.f32(components, 2 * m.cols).slice(), rows: 2, cols: m.cols },
      variances: [first!, second!],
    };
  }

  /**
   * The whole prototype classifier in one pass over WASM memory: normalise,
   * build prototypes, optionally refine them with the queries, then distances,
   * probabilities, nearest class and the open-set decision. Intermediate
   * results never leave the module.
   */
  classify(input: FewShotInput): FewShotResult {
    const { supports, queries, classes, metric } = input;
    const normalization = input.normalization ?? 'none';
    const temperature = input.temperature ?? 1;
    const iterations = input.refineIterations ?? 0;
    const quantile = input.openSetQuantile ?? DEFAULT_OPEN_SET_QUANTILE;
    this.checkMetric(metric);
    this.checkNormalization(normalization);
    checkPositive('The temperature', temperature);
    checkWholeNumber('The number of refinement iterations', iterations, 0);
    this.checkQuantile(quantile);
    checkMatrix('Supports', supports);
    checkMatrix('Queries', queries);
    checkSameWidth('supports', supports, 'queries', queries);
    const labels = toInt32(input.labels);
    checkLabels(labels, supports.rows, classes);

    const dim = supports.cols;
    this.arena.reset();
    const emb = this.upload('Supports', supports);
    const q = this.upload('Queries', queries);
    const labelPtr = this.arena.putI32(labels);
    // SimpleShot centres on the mean of the labeled examples; queries are centred on the same mean.
    const meanPtr = normalization === 'cl2n' ? this.meanPointer(emb, supports) : 0;
    this.normalizeInPlace(emb, supports.rows, dim, normalization, meanPtr);
    this.normalizeInPlace(q, queries.rows, dim, normalization, meanPtr);
    const protos = this.prototypesAt(emb, labelPtr, supports.rows, dim, classes);
    const calibration = this.calibrateAt(metric, emb, labelPtr, labels, supports.rows, dim, classes, quantile, protos);
    if (iterations > 0) this.refineAt(metric, q, queries.rows, dim, classes, iterations, temperature, protos);
    const meanCopy = meanPtr ? this.arena.f32(meanPtr, dim).slice() : undefined;
    return {
      ...this.predictAt(metric, q, queries.rows, protos.prototypes, classes, dim, temperature, calibration.threshold),
      prototypes: { data: this.arena.f32(protos.prototypes, classes * dim).slice(), rows: classes, cols: dim },
      calibration,
      ...(meanCopy ? { mean: meanCopy } : {}),
    };
  }

  /**
   * One prediction step against prototypes already built: what a live camera
   * or a new query needs per frame. Queries are normalised as the supports were.
   */
  predict(input: PredictInput): Prediction {
    const { queries, prototypes, metric } = input;
    const temperature = input.temperature ?? 1;
    const threshold = input.threshold ?? Infinity;
    const normalization = input.normalization ?? 'none';
    this.checkMetric(metric);
    this.checkNormalization(normalization);
    checkPositive('The temperature', temperature);
    if (Number.isNaN(threshold)) throw new KernelInputError('The open-set threshold is NaN; pass a number or Infinity.');
    checkMatrix('Queries', queries);
    checkMatrix('Prototypes', prototypes);
    checkSameWidth('queries', queries, 'prototypes', prototypes);
    if (normalization === 'cl2n' && !input.mean) {
      throw new KernelInputError("Normalisation 'cl2n' needs the supports' mean (FewShotResult.mean) to centre the queries on.");
    }
    this.arena.reset();
    const q = this.upload('Queries', queries);
    const p = this.upload('Prototypes', prototypes);
    if (normalization !== 'none') {
      const meanPtr = normalization === 'cl2n' ? this.meanPointer(q, queries, input.mean) : 0;
      this.normalizeInPlace(q, queries.rows, queries.cols, normalization, meanPtr);
    }
    return this.predictAt(metric, q, queries.rows, p, prototypes.rows, queries.cols, temperature, threshold);
  }

  // ---- steps on data already in WASM memory ----

  private upload(name: string, m: Matrix): number {
    return uploadMatrix(this.arena, this.wasm.firstNonFinite, name, m);
  }

  private predictAt(metric: Metric, q: number, nq: number, p: number, np: number, dim: number, temperature: number, threshold: number): Prediction {
    const distances = this.distanceMatrixAt(metric, q, nq, p, np, dim);
    const count = nq * np;
    const probabilities = this.arena.alloc(count * 4);
    const index = this.arena.alloc(nq * 4);
    const nearestDistance = this.arena.alloc(nq * 4);
    this.wasm.softmaxNegatives(distances, nq, np, temperature, probabilities);
    this.wasm.nearest(distances, nq, np, index, nearestDistance);
    const nearest = this.arena.f32(nearestDistance, nq).slice();
    return {
      distances: { data: this.arena.f32(distances, count).slice(), rows: nq, cols: np },
      probabilities: { data: this.arena.f32(probabilities, count).slice(), rows: nq, cols: np },
      predicted: this.arena.i32(index, nq).slice(),
      nearestDistance: nearest,
      unknown: Uint8Array.from(nearest, (d) => (d > threshold ? 1 : 0)),
    };
  }

  private meanPointer(ptr: number, m: Matrix, mean?: Float32Array): number {
    if (mean) {
      if (mean.length !== m.cols) {
        throw new KernelInputError(`The mean has ${mean.length} values but the rows have ${m.cols}.`);
      }
      return this.upload('The mean', { data: mean, rows: 1, cols: m.cols });
    }
    const out = this.arena.alloc(m.cols * 4);
    this.wasm.meanRows(ptr, m.rows, m.cols, out);
    return out;
  }

  private normalizeInPlace(ptr: number, rows: number, dim: number, mode: Normalization, meanPtr: number): void {
    if (mode === 'none') return;
    if (mode === 'cl2n') this.wasm.centerRows(ptr, rows, dim, meanPtr);
    this.wasm.l2NormalizeRows(ptr, rows, dim);
  }

  private prototypesAt(emb: number, labels: number, n: number, dim: number, classes: number): { prototypes: number; mass: number } {
    const prototypes = this.arena.alloc(classes * dim * 4);
    const mass = this.arena.alloc(classes * 4);
    this.wasm.prototypes(emb, labels, 0, n, dim, classes, prototypes, mass);
    return { prototypes, mass };
  }

  private distanceMatrixAt(metric: Metric, q: number, nq: number, p: number, np: number, dim: number): number {
    const out = this.arena.alloc(nq * np * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(nq, np));
    this.wasm.distanceMatrix(METRICS[metric].id, q, nq, p, np, dim, out, scratch);
    return out;
  }

  private calibrateAt(
    metric: Metric,
    emb: number,
    labelPtr: number,
    labels: Int32Array,
    n: number,
    dim: number,
    classes: number,
    quantile: number,
    protos: { prototypes: number; mass: number },
  ): OpenSetCalibration {
    const loo = this.arena.alloc(n * dim * 4);
    const out = this.arena.alloc(n * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(n, n));
    this.wasm.leaveOneOutPrototypes(emb, labelPtr, n, dim, protos.mass, loo);
    const mass = this.arena.f32(protos.mass, classes);
    // Rows of single-example classes hold NaN prototypes; validation of the
    // inputs guarantees every other distance is finite.
    this.wasm.distanceRows(METRICS[metric].id, emb, loo, n, dim, out, scratch);
    const distances = Array.from(this.arena.f32(out, n)).filter((_, i) => mass[labels[i]!]! >= 2);
    return { threshold: quantileOf(distances, quantile), samples: distances.length };
  }

  private refineAt(metric: Metric, free: number, nu: number, dim: number, classes: number, iterations: number, temperature: number, protos: { prototypes: number; mass: number }): void {
    if (iterations === 0) return;
    const sums = this.arena.alloc(classes * dim * 4);
    const assignments = this.arena.alloc(nu * classes * 4);
    const scratch = this.arena.alloc(this.wasm.distanceScratchBytes(nu, classes));
    this.wasm.refinePrototypes(METRICS[metric].id, free, nu, dim, classes, iterations, temperature, protos.prototypes, protos.mass, sums, assignments, scratch);
  }

  private checkMetric(metric: string): asserts metric is Metric {
    if (!isMetric(metric)) {
      throw new KernelInputError(`Unknown metric "${metric}"; use one of ${Object.keys(METRICS).join(', ')}.`);
    }
  }

  private checkNormalization(mode: string): void {
    if (!NORMALIZATIONS.includes(mode as Normalization)) {
      throw new KernelInputError(`Unknown normalisation "${mode}"; use one of ${NORMALIZATIONS.join(', ')}.`);
    }
  }

  private checkQuantile(quantile: number): void {
    if (!(quantile > 0 && quantile <= 1)) {
      throw new KernelInputError(`The open-set quantile must lie in (0, 1]; got ${quantile}.`);
    }
  }

  private checkWeights(weights: Float32Array, rows: number, labels: Int32Array, classes: number): void {
    if (weights.length !== rows) {
      throw new KernelInputError(`There are ${rows} embeddings but ${weights.length} weights; give one weight per embedding.`);
    }
    const mass = new Float64Array(classes);
    weights.forEach((w, i) => {
      if (!(Number.isFinite(w) && w >= 0)) {
        throw new KernelInputError(`Weight ${w} at row ${i} is not a finite number ≥ 0.`);
      }
      mass[labels[i]!]! += w;
    });
    const empty = mass.findIndex((m) => m === 0);
    if (empty !== -1) throw new KernelInputError(`Class ${empty} has no examples with weight above 0.`);
  }
}

/** Linear-interpolated quantile; Infinity for no values (nothing to calibrate with). */
export function quantileOf(values: number[], q: number): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export async function instantiateKernels(source: BufferSource | WebAssembly.Module): Promise<Kernels> {
  const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
  const instance = await WebAssembly.instantiate(module, {});
  return new Kernels(instance.exports as unknown as KernelExports);
}
