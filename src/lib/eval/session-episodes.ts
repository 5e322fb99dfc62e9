/**
 * Episodes run through the lab's own session (the worker's code): each
 * episode's supports become a session's classes, its queries are predicted,
 * and every query's outcome is kept for calibration and open-set measures.
 */
import type { Kernels } from '../kernels/index.ts';
import type { CardCalibration } from '../models/card.ts';
import { ClassStore } from '../fewshot/class-store.ts';
import { Predictor } from '../fewshot/predictor.ts';
import type { Method } from '../fewshot/method.ts';
import type { HeadOptions } from '../fewshot/head.ts';
import { seededRandom } from '../random.ts';
import { sample, sampleEpisode } from './episodes.ts';
import type { Dataset } from './datasets-node.ts';
import { classesOf, type Split } from './datasets.ts';

export type { Split } from './datasets.ts';

/**
 * One split of a data set (by its registry's rule, datasets.ts) as a data set of its own, at most `classes` classes
 * of at most `perClass` images (in order), renumbered so that only they are
 * embedded: the Node harness embeds a large set (26,000 glyphs, 10,000
 * Fashion-MNIST images) with a photo network in minutes instead of an hour.
 */
export function splitDataset(full: Dataset, split: Split, { classes = Infinity, perClass = Infinity } = {}): Dataset {
  const kept = classesOf(full, split).slice(0, classes).map((images) => images.slice(0, perClass));
  const originals = kept.flat();
  let next = 0;
  return { ...full, byClass: kept.map((images) => images.map(() => next++)), image: (i) => full.image(originals[i]!), size: originals.length };
}

export interface QueryOutcome {
  /** Distances to each episode class, and the true class (−1 for a query of an unseen class). */
  distances: Float32Array;
  label: number;
  predicted: number;
  probability: number;
  unknown: boolean;
}

export interface EpisodeSpec {
  way: number;
  shot: number;
  queries: number;
  /** Queries drawn from classes outside the episode, for the open-set measures. */
  unseen: number;
  /** The learned metric head, turned on in each episode's session (its verdicts, confidences and unknowns). */
  head?: HeadOptions;
  episodes: number;
  seed: number;
}

export function runSessionEpisodes(
  embeddings: Float32Array,
  dim: number,
  byClass: readonly number[][],
  kernels: Kernels,
  method: Method,
  card: CardCalibration | undefined,
  spec: EpisodeSpec,
): QueryOutcome[] {
  const random = seededRandom(spec.seed);
  const row = (image: number) => embeddings.subarray(image * dim, (image + 1) * dim);
  const outcomes: QueryOutcome[] = [];
  for (let e = 0; e < spec.episodes; e++) {
    const episode = sampleEpisode(byClass, spec.way, spec.shot, spec.queries, random);
    const store = new ClassStore(dim);
    const predictor = new Predictor(store, card);
    store.setMethod(method);
    if (spec.head) store.setHead(spec.head);
    const classIds = Array.from({ length: spec.way }, (_, c) => store.addClass(`class ${c}`, `c${c}`));
    episode.supports.forEach((image, i) => store.addExample(classIds[episode.supportLabels[i]!]!, row(image)));
    // As in the lab, the head is trained as its own step once the supports are in (where the episode allows one).
    if (predictor.headIsStale()) predictor.trainHead(kernels);
    const inEpisode = new Set(episode.supports.map((image) => byClass.findIndex((images) => images.includes(image))));
    const others = byClass.filter((_, c) => !inEpisode.has(c));
    const unseen = spec.unseen && others.length ? sample(others.flat(), Math.min(spec.unseen, others.flat().length), random) : [];
    const queries = [...episode.queries, ...unseen];
    const labels = [...episode.queryLabels, ...unseen.map(() => -1)];
    const report = predictor.predict(kernels, queries.map(row));
    report.predictions.forEach((p, i) => {
      const predicted = classIds.indexOf(p.nearestClassId);
      outcomes.push({
        distances: Float32Array.from(p.scores, (s) => s.distance),
        label: labels[i]!,
        predicted,
        probability: p.scores[predicted]!.probability,
        unknown: p.classId === null,
      });
    });
  }
  return outcomes;
}
