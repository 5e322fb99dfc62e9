import { Arena } from './arena.ts';
import { ClassifierKernels } from './classifier.ts';
import type { FewShotInput, FewShotResult, Prediction, PredictInput } from './classifier-types.ts';
import { DistanceKernels } from './distances.ts';
import { HeadKernels } from './head.ts';
import { LossKernels } from './losses.ts';
import type { Matrix } from './matrix.ts';
import type { Metric } from './metrics.ts';
import { NormalizeKernels, type Normalization } from './normalize.ts';
import { DEFAULT_OPEN_SET_QUANTILE, OpenSetKernels, type OpenSetCalibration } from './openset.ts';
import { PcaKernels, type Projection } from './pca.ts';
import { PrototypeKernels, type PrototypeResult } from './prototypes.ts';
import { PropagationKernels } from './propagation.ts';
import { SampledSoftmaxKernels } from './sampled-softmax.ts';
import { SharedEmbeddingsKernels } from './shared-embeddings.ts';
import { RefineKernels } from './refine.ts';
import { RetrievalKernels } from './retrieval.ts';
import { SoftmaxKernels } from './softmax.ts';
import { TransportKernels } from './transport.ts';
import type { KernelExports } from './exports.ts';

/**
 * Typed, validated access to the AssemblyScript kernels: one wrapper per
 * assembly module, all over one arena in the module's memory. Every method
 * checks its input first and throws a KernelInputError naming the problem.
 */
export class Kernels {
  private readonly wasm: KernelExports;
  private readonly arena: Arena;
  private readonly normalizing: NormalizeKernels;
  private readonly prototyping: PrototypeKernels;
  private readonly measuring: DistanceKernels;
  private readonly softmax: SoftmaxKernels;
  private readonly openSet: OpenSetKernels;
  private readonly refining: RefineKernels;
  private readonly pca: PcaKernels;
  private readonly classifier: ClassifierKernels;
  /** Circle and Multi-Similarity losses. */ readonly losses: LossKernels;
  /** The metric head: class proxies trained by one of four losses. */ readonly head: HeadKernels;
  /** Sliced Wasserstein distance. */ readonly transport: TransportKernels;
  /** MAP@R, R-precision and Recall@K, each row a query against the rest. */ readonly retrieval: RetrievalKernels;
  /** Label propagation on a k-NN graph. */ readonly graph: PropagationKernels;
  /** Softmax gradients over all labels and over sampled negatives. */ readonly sampling: SampledSoftmaxKernels;
  /** Embedding tables trained with stochastic shared embeddings. */ readonly sharing: SharedEmbeddingsKernels;

  constructor(wasm: KernelExports) {
    this.wasm = wasm;
    const arena = (this.arena = new Arena(wasm.memory, wasm.heapBase()));
    this.normalizing = new NormalizeKernels(wasm, arena);
    this.prototyping = new PrototypeKernels(wasm, arena);
    this.measuring = new DistanceKernels(wasm, arena);
    this.softmax = new SoftmaxKernels(wasm, arena);
    this.openSet = new OpenSetKernels(wasm, arena, this.prototyping, this.measuring);
    this.refining = new RefineKernels(wasm, arena, this.prototyping);
    this.pca = new PcaKernels(wasm, arena);
    const steps = { normalize: this.normalizing, prototypes: this.prototyping, distances: this.measuring, softmax: this.softmax, openSet: this.openSet, refine: this.refining };
    this.classifier = new ClassifierKernels(wasm, arena, steps);
    this.losses = new LossKernels(wasm, arena);
    this.head = new HeadKernels(wasm, arena);
    this.transport = new TransportKernels(wasm, arena);
    this.retrieval = new RetrievalKernels(wasm, arena);
    this.graph = new PropagationKernels(wasm, arena);
    this.sampling = new SampledSoftmaxKernels(wasm, arena);
    this.sharing = new SharedEmbeddingsKernels(wasm, arena);
  }

  /** Whether this module was built with relaxed SIMD (fused multiply-add). */
  get relaxedSimd(): boolean { return this.wasm.usesRelaxedSimd() !== 0; }

  /** Size of the module's linear memory, for leak checks and reports. */
  get memoryBytes(): number { return this.arena.memoryBytes; }

  /** Returns a normalised copy: rows scaled to unit length, or centred on `mean` (default: their own mean) first. */
  normalize(m: Matrix, mode: Normalization, mean?: Float32Array): Matrix {
    return this.normalizing.normalize(m, mode, mean);
  }

  /** Column means. */
  mean(m: Matrix): Float32Array {
    return this.normalizing.mean(m);
  }

  /** Class means of `embeddings`, optionally weighted per row. */
  prototypes(embeddings: Matrix, labels: ArrayLike<number>, classes: number, weights?: Float32Array): PrototypeResult {
    return this.prototyping.prototypes(embeddings, labels, classes, weights);
  }

  /** d(q_i, p_j) for every query and prototype. */
  distances(metric: Metric, queries: Matrix, prototypes: Matrix): Matrix {
    return this.measuring.distances(metric, queries, prototypes);
  }

  /** d(a_i, b_i) row by row. */
  rowDistances(metric: Metric, a: Matrix, b: Matrix): Float32Array {
    return this.measuring.rowDistances(metric, a, b);
  }

  /** softmax(−d / T) per row. */
  probabilities(distances: Matrix, temperature = 1): Matrix {
    return this.softmax.probabilities(distances, temperature);
  }

  /** The closest column of each row of a distance matrix. */
  nearest(distances: Matrix): { index: Int32Array; distance: Float32Array } {
    return this.openSet.nearest(distances);
  }

  /** The `quantile` of the distances from each support to its class prototype computed without it. */
  calibrateOpenSet(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, quantile = DEFAULT_OPEN_SET_QUANTILE): OpenSetCalibration {
    return this.openSet.calibrateOpenSet(metric, supports, labels, classes, quantile);
  }

  /** Each support's distance to its class prototype computed without it; NaN where its class has a single example. */
  leaveOneOutDistances(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number): Float32Array {
    return this.openSet.leaveOneOutDistances(metric, supports, labels, classes);
  }

  /** Soft k-means refinement of labeled prototypes with unlabeled rows (Ren et al., 2018). */
  refine(metric: Metric, supports: Matrix, labels: ArrayLike<number>, classes: number, unlabeled: Matrix, iterations: number, temperature = 1): Matrix {
    return this.refining.refine(metric, supports, labels, classes, unlabeled, iterations, temperature);
  }

  /** The two principal directions of the rows and each row's coordinates along them. */
  project2d(m: Matrix, iterations = 100): Projection {
    return this.pca.project2d(m, iterations);
  }

  /**
   * The whole prototype classifier in one pass over WASM memory: normalise,
   * build prototypes, optionally refine them with the queries, then distances,
   * probabilities, nearest class and the open-set decision.
   */
  classify(input: FewShotInput): FewShotResult {
    return this.classifier.classify(input);
  }

  /** One prediction step against prototypes already built: what a live camera or a new query needs per frame. */
  predict(input: PredictInput): Prediction {
    return this.classifier.predict(input);
  }
}

export async function instantiateKernels(source: BufferSource | WebAssembly.Module): Promise<Kernels> {
  const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
  const instance = await WebAssembly.instantiate(module, {});
  return new Kernels(instance.exports as unknown as KernelExports);
}
