export { Kernels, instantiateKernels, NORMALIZATIONS, DEFAULT_OPEN_SET_QUANTILE, quantileOf } from './kernels.ts';
export type { FewShotInput, FewShotResult, Normalization, OpenSetCalibration, Prediction, PredictInput, PrototypeResult, Projection } from './kernels.ts';
export { KernelInputError } from './errors.ts';
export { fromRows, type Matrix } from './matrix.ts';
export { METRICS, METRIC_NAMES, isMetric, type Metric } from './metrics.ts';
export type { CircleLossResult, MultiSimilarityOptions, MultiSimilarityResult } from './losses.ts';
export type { SlicedWassersteinResult } from './transport.ts';
