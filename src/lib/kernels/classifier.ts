import type { Arena } from './arena.ts';
import type { DistanceKernels } from './distances.ts';
import { KernelInputError } from './errors.ts';
import type { Metric } from './metrics.ts';
import { KernelModule, type BaseExports } from './module.ts';
import { checkNormalization, type NormalizeKernels } from './normalize.ts';
import { calibrationOf, DEFAULT_OPEN_SET_QUANTILE, type OpenSetKernels } from './openset.ts';
import type { PrototypeKernels } from './prototypes.ts';
import type { RefineKernels } from './refine.ts';
import type { SoftmaxKernels } from './softmax.ts';
import { checkLabels, checkMatrix, checkMetric, checkPositive, checkQuantile, checkSameWidth, checkThreshold, checkWholeNumber, toInt32 } from './validate.ts';
import type { FewShotInput, FewShotResult, Prediction, PredictInput } from './classifier-types.ts';

/** The wrappers the classifier chains, all over the same arena. */
export interface ClassifierSteps {
  normalize: NormalizeKernels;
  prototypes: PrototypeKernels;
  distances: DistanceKernels;
  softmax: SoftmaxKernels;
  openSet: OpenSetKernels;
  refine: RefineKernels;
}

/** The prototype classifier: the other wrappers' steps chained on data that stays in WASM memory. */
export class ClassifierKernels extends KernelModule<BaseExports> {
  private readonly steps: ClassifierSteps;

  constructor(wasm: BaseExports, arena: Arena, steps: ClassifierSteps) {
    super(wasm, arena);
    this.steps = steps;
  }

  /**
   * Normalise, build prototypes, calibrate the open-set threshold on the
   * supports (unless `threshold` is given), optionally refine with the
   * queries, then distances, probabilities, nearest class and "unknown".
   */
  classify(input: FewShotInput): FewShotResult {
    const { supports, queries, classes, metric } = input;
    const normalization = input.normalization ?? 'none';
    const temperature = input.temperature ?? 1;
    const iterations = input.refineIterations ?? 0;
    const quantile = input.openSetQuantile ?? DEFAULT_OPEN_SET_QUANTILE;
    checkMetric(metric);
    checkNormalization(normalization);
    checkPositive('The temperature', temperature);
    checkWholeNumber('The number of refinement iterations', iterations, 0);
    checkQuantile(quantile);
    if (input.threshold !== undefined) checkThreshold(input.threshold);
    checkMatrix('Supports', supports);
    checkMatrix('Queries', queries);
    checkSameWidth('supports', supports, 'queries', queries);
    const labels = toInt32(input.labels);
    checkLabels(labels, supports.rows, classes);

    const { normalize, prototypes, openSet, refine } = this.steps;
    const dim = supports.cols;
    this.arena.reset();
    const emb = this.upload('Supports', supports);
    const q = this.upload('Queries', queries);
    const labelPtr = this.arena.putI32(labels);
    // Centre on the supports + L2: the queries are centred on the supports' mean too.
    const meanPtr = normalization === 'cl2n' ? normalize.meanAt(emb, supports) : 0;
    normalize.normalizeAt(emb, supports.rows, dim, normalization, meanPtr);
    normalize.normalizeAt(q, queries.rows, dim, normalization, meanPtr);
    const protos = prototypes.prototypesAt(emb, labelPtr, supports.rows, dim, classes);
    const calibration = calibrationOf(openSet.leaveOneOutAt(metric, emb, labelPtr, labels, dim, classes, protos), quantile);
    const mass = refine.refineAt(metric, q, queries.rows, dim, classes, iterations, temperature, protos);
    const threshold = input.threshold ?? calibration.threshold;
    const meanCopy = meanPtr ? this.arena.f32(meanPtr, dim).slice() : undefined;
    return {
      ...this.predictAt(metric, q, queries.rows, protos.prototypes, classes, dim, temperature, threshold),
      prototypes: this.matrixAt(protos.prototypes, classes, dim),
      mass,
      calibration,
      ...(meanCopy ? { mean: meanCopy } : {}),
    };
  }

  /** One prediction step against prototypes already built; queries are normalised as the supports were. */
  predict(input: PredictInput): Prediction {
    const { queries, prototypes, metric } = input;
    const temperature = input.temperature ?? 1;
    const threshold = input.threshold ?? Infinity;
    const normalization = input.normalization ?? 'none';
    checkMetric(metric);
    checkNormalization(normalization);
    checkPositive('The temperature', temperature);
    checkThreshold(threshold);
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
      const { normalize } = this.steps;
      const meanPtr = normalization === 'cl2n' ? normalize.meanAt(q, queries, input.mean) : 0;
      normalize.normalizeAt(q, queries.rows, queries.cols, normalization, meanPtr);
    }
    return this.predictAt(metric, q, queries.rows, p, prototypes.rows, queries.cols, temperature, threshold);
  }

  private predictAt(metric: Metric, q: number, nq: number, p: number, np: number, dim: number, temperature: number, threshold: number): Prediction {
    const { distances, softmax, openSet } = this.steps;
    const d = distances.distanceMatrixAt(metric, q, nq, p, np, dim);
    const probabilities = softmax.probabilitiesAt(d, nq, np, temperature);
    const nearest = openSet.nearestAt(d, nq, np);
    const nearestDistance = this.arena.f32(nearest.distance, nq).slice();
    return {
      distances: this.matrixAt(d, nq, np),
      probabilities: this.matrixAt(probabilities, nq, np),
      predicted: this.arena.i32(nearest.index, nq).slice(),
      nearestDistance,
      unknown: Uint8Array.from(nearestDistance, (x) => (x > threshold ? 1 : 0)),
    };
  }
}
