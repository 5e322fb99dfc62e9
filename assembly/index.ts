// The kernels' exports: flat functions over pointers into this module's memory.
// src/lib/kernels/ wraps them with validation and memory management.
export { l2NormalizeRows, meanRows, centerRows } from './normalize';
export { prototypes } from './prototypes';
export { distanceMatrix, distanceRows, distanceScratchBytes } from './distances/index';
export { dotMatrix } from './dot';
export { softmaxNegatives } from './softmax';
export { nearest, leaveOneOutPrototypes } from './openset';
export { refinePrototypes } from './refine';
export { pca2, pcaScratchBytes } from './pca';
export { firstNonFinite } from './finite';
export { circleLoss } from './losses/circle';
export { multiSimilarityWeights } from './losses/multiSimilarity';
export { fastAP, fastAPScratchBytes, averagePrecision } from './losses/fastAP';
export { rankedListLoss } from './losses/rankedList';
export { headGram, headScratchBytes, headTrain, headProxies } from './head/train';
export { softTripleSimilarity } from './head/softTriple';
export { slicedWasserstein, slicedWassersteinScratchBytes } from './slicedWasserstein';
export { retrieval, retrievalScratchBytes } from './retrieval/index';
export { labelPropagation, labelPropagationScratchBytes } from './propagation';
export { sampledSoftmaxGradients, sampledSoftmaxScratchBytes } from './sampledSoftmax';
export { sharedEmbeddingsTrain, sharedEmbeddingsScratchBytes } from './sharedEmbeddings';

/** First free byte after the module's static data; the wrapper's arena starts here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Whether this build uses relaxed SIMD (fused multiply-add where the CPU has it). */
export function usesRelaxedSimd(): bool {
  return ASC_FEATURE_RELAXED_SIMD;
}
