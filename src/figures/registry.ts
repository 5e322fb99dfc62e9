/**
 * The live figures, in the order the site lists them: each one's metadata
 * comes from its own definition file (definitions/<id>.ts exports `meta`), so
 * a figure is added by adding its file and one line here. Plain imports, not
 * import.meta.glob, so Node scripts and the test runners read it too.
 */
import { meta as prototypeClassifier } from './definitions/prototype-classifier.ts';
import { meta as softKmeans } from './definitions/soft-kmeans.ts';
import { meta as circleLoss } from './definitions/circle-loss.ts';
import { meta as metricHead } from './definitions/metric-head.ts';
import { meta as multiSimilarity } from './definitions/multi-similarity.ts';
import { meta as poincareDisk } from './definitions/poincare-disk.ts';
import { meta as slicedWasserstein } from './definitions/sliced-wasserstein.ts';
import { meta as snrDistance } from './definitions/snr-distance.ts';
import { meta as labelPropagation } from './definitions/label-propagation.ts';
import { meta as sampledSoftmax } from './definitions/sampled-softmax.ts';
import { meta as sharedEmbeddings } from './definitions/shared-embeddings.ts';
import { meta as fastap } from './definitions/fastap.ts';
import { meta as rankedListLoss } from './definitions/ranked-list-loss.ts';
import { meta as crossBatchMemory } from './definitions/cross-batch-memory.ts';
import { meta as mapAtR } from './definitions/map-at-r.ts';
import type { FigureMeta } from './types.ts';

export type { FigureMeta } from './types.ts';

export const FIGURES: FigureMeta[] = [prototypeClassifier, softKmeans, circleLoss, metricHead, multiSimilarity, poincareDisk, slicedWasserstein, snrDistance, labelPropagation, fastap, rankedListLoss, crossBatchMemory, mapAtR, sampledSoftmax, sharedEmbeddings];

export const figureMeta = (id: string): FigureMeta => {
  const meta = FIGURES.find((f) => f.id === id);
  if (!meta) throw new Error(`No figure "${id}".`);
  return meta;
};

export const figuresOfTopic = (topic: string) => FIGURES.filter((f) => f.topic === topic);
