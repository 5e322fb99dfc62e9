/** Every figure's definition, imported eagerly: for build-time rendering only (the browser loads them one by one, see load.ts). */
import circleLoss from './circle-loss.ts';
import multiSimilarity from './multi-similarity.ts';
import poincareDisk from './poincare-disk.ts';
import prototypeClassifier from './prototype-classifier.ts';
import slicedWasserstein from './sliced-wasserstein.ts';
import softKmeans from './soft-kmeans.ts';
import type { AnyFigure } from './types.ts';

export const DEFINITIONS: Record<string, AnyFigure> = Object.fromEntries(
  [prototypeClassifier, softKmeans, circleLoss, multiSimilarity, poincareDisk, slicedWasserstein].map((f) => [f.id, f]),
);
