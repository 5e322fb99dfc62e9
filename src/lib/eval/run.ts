import type { Kernels, Metric, Normalization } from '../kernels/index.ts';
import { classifyWithHead, type HeadOptions } from '../fewshot/head-train.ts';
import type { Embedder } from '../inference/embedder.ts';
import { preprocess } from '../models/preprocess.ts';
import type { Dataset } from './datasets-node.ts';
import { seededRandom } from '../random.ts';
import { meanWithCi95, sampleEpisode, type Episode } from './episodes.ts';
import { episodeFingerprint } from './paired.ts';

export interface EvalSettings {
  way: number;
  shot: number;
  queries: number;
  episodes: number;
  metric: Metric;
  normalize: Normalization;
  /** Soft k-means steps with each episode's queries as unlabeled data. */
  refine: number;
  seed: number;
  /** A learned metric head trained on each episode's supports (issue 13); absent for plain prototypes. */
  head?: HeadOptions;
}

export interface EvalResult extends EvalSettings {
  model: string;
  dataset: string;
  accuracy: number;
  ci95: number;
  /** Which episodes were drawn (paired.ts): results with the same fingerprint can be compared episode by episode. */
  episodeFingerprint: string;
}

export interface EpisodeAccuracies {
  accuracy: number;
  ci95: number;
  /** Accuracy of each episode, in the order drawn. */
  perEpisode: number[];
  episodeFingerprint: string;
}

/** Embeds every image of the data set once (preprocessed as in the lab), in batches. */
export async function embedDataset(dataset: Dataset, embedder: Embedder, onProgress?: (done: number) => void): Promise<Float32Array> {
  const dim = embedder.card.output.dim;
  const out = new Float32Array(dataset.size * dim);
  const batch = 256;
  for (let start = 0; start < dataset.size; start += batch) {
    const inputs = [];
    for (let i = start; i < Math.min(dataset.size, start + batch); i++) inputs.push(preprocess(dataset.image(i), embedder.card));
    out.set((await embedder.embed(inputs)).data, start * dim);
    onProgress?.(Math.min(dataset.size, start + batch));
  }
  return out;
}

/**
 * Few-shot accuracy over seeded episodes, classified by the same kernels as
 * the browser: normalisation, prototypes, optional refinement, distances.
 * The browser's "run this row" (eval-browser/) calls this very function.
 */
export function evaluateEpisodes(embeddings: Float32Array, dim: number, dataset: Dataset, kernels: Kernels, settings: EvalSettings, onEpisode?: (done: number) => void): EpisodeAccuracies {
  const random = seededRandom(settings.seed);
  const accuracies: number[] = [];
  const drawn: Episode[] = [];
  const rows = (indices: number[]) => {
    const data = new Float32Array(indices.length * dim);
    indices.forEach((image, i) => data.set(embeddings.subarray(image * dim, (image + 1) * dim), i * dim));
    return { data, rows: indices.length, cols: dim };
  };
  for (let e = 0; e < settings.episodes; e++) {
    const episode = sampleEpisode(dataset.byClass, settings.way, settings.shot, settings.queries, random);
    drawn.push(episode);
    const supports = rows(episode.supports);
    const queries = rows(episode.queries);
    const predicted = settings.head
      ? classifyWithHead(kernels, { supports, labels: Int32Array.from(episode.supportLabels), classes: settings.way, queries }, settings.normalize, settings.head)
      : kernels.classify({ supports, labels: episode.supportLabels, classes: settings.way, queries, metric: settings.metric, normalization: settings.normalize, refineIterations: settings.refine }).predicted;
    const correct = episode.queryLabels.filter((label, i) => predicted[i] === label).length;
    accuracies.push(correct / episode.queryLabels.length);
    onEpisode?.(e + 1);
  }
  const { mean, ci95 } = meanWithCi95(accuracies);
  return { accuracy: mean, ci95, perEpisode: accuracies, episodeFingerprint: episodeFingerprint(drawn) };
}
