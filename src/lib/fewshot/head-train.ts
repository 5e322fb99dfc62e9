/** Training the learned metric head: proxies over the supports, trained by the kernels (assembly/head/). */
import type { HeadLoss, HeadState, Kernels, Matrix, Normalization } from '../kernels/index.ts';
import { HEAD_DECAY, HEAD_MOMENTUM, headLossInfo } from './head-losses.ts';
import { FewShotError } from './names.ts';

/** What the visitor chooses: the loss, how many steps and how fast. */
export interface HeadOptions {
  loss: HeadLoss;
  steps: number;
  rate: number;
  /** The loss's hyper-parameters, when not its registry defaults (the tuning script tries others). */
  params?: readonly number[];
}

/** A trained head: unit-length proxies, `centres` per class, in the space of the unit-length supports. */
export interface TrainedHead {
  options: HeadOptions;
  classes: number;
  centres: number;
  proxies: Matrix;
  /** The loss before each step. */
  losses: number[];
}

/** The supports a head trains on: unit rows, their labels and (if already computed) their Gram matrix. */
export interface HeadData {
  x: Matrix;
  labels: Int32Array;
  classes: number;
  gram?: Matrix;
}

export type HeadProgress = (step: number, loss: number, proxies: () => Matrix) => void;

/**
 * Proxies start in the span of the supports (assembly/head/train.ts needs
 * that): at the class prototype, and for SoftTriple's further centres half way
 * from the prototype to one of the class's supports (a quarter of the way on
 * the next round, and so on), so that centres start apart and deterministic.
 */
export function initialCoefficients(labels: Int32Array, classes: number, centres: number): Matrix {
  const n = labels.length;
  const members = Array.from({ length: classes }, (_, c) => [...labels.keys()].filter((i) => labels[i] === c));
  const data = new Float32Array(classes * centres * n);
  members.forEach((rows, c) => {
    for (let k = 0; k < centres; k++) {
      const row = (c * centres + k) * n;
      const pull = k === 0 ? 0 : 0.5 / (1 + Math.floor((k - 1) / rows.length));
      for (const i of rows) data[row + i] = (1 - pull) / rows.length;
      if (k > 0) data[row + rows[(k - 1) % rows.length]!]! += pull;
    }
  });
  return { data, rows: classes * centres, cols: n };
}

/** Trains a head on the supports; `progress` hears every `every` steps. Deterministic: the same supports and options give the same head. */
export function trainHead(kernels: Kernels, data: HeadData, options: HeadOptions, progress?: HeadProgress, every = 10): TrainedHead {
  const info = headLossInfo(options.loss);
  const gram = data.gram ?? kernels.head.gram(data.x);
  const coefficients = initialCoefficients(data.labels, data.classes, info.centres);
  const state: HeadState = { gram, labels: data.labels, classes: data.classes, centres: info.centres, coefficients, velocity: new Float32Array(coefficients.data.length) };
  const step = { loss: options.loss, params: options.params ?? info.params, rate: options.rate, momentum: HEAD_MOMENTUM, decay: HEAD_DECAY };
  const losses: number[] = [];
  const proxies = () => kernels.normalize(kernels.head.proxies(state.coefficients, data.x), 'l2');
  for (let done = 0; done < options.steps; ) {
    const count = Math.min(progress ? every : options.steps, options.steps - done);
    losses.push(...kernels.head.train(state, step, count));
    done += count;
    progress?.(done, losses.at(-1)!, proxies);
  }
  const trained = proxies();
  if (!trained.data.every(Number.isFinite)) throw new FewShotError(`Training diverged with learning rate ${options.rate}; try a smaller one.`);
  return { options, classes: data.classes, centres: info.centres, proxies: trained, losses };
}

/** Each query's similarity to each class (q × classes): the cosine to its proxy, or SoftTriple's soft maximum over its centres. */
export function headSimilarities(kernels: Kernels, head: TrainedHead, queries: Matrix): Matrix {
  const distances = kernels.distances('cosine', queries, head.proxies);
  const cos = { ...distances, data: distances.data.map((d) => 1 - d) };
  return head.centres === 1 ? cos : kernels.head.softTripleSimilarity(cos, head.classes, head.centres, (head.options.params ?? headLossInfo(head.options.loss).params)[1]!);
}

/** The evaluation's classifier with a head: trains on one episode's supports (normalised as the method says) and labels its queries. */
export function classifyWithHead(kernels: Kernels, episode: { supports: Matrix; labels: Int32Array; classes: number; queries: Matrix }, normalization: Normalization, options: HeadOptions): Int32Array {
  const mean = normalization === 'cl2n' ? kernels.mean(episode.supports) : undefined;
  const unit = (m: Matrix) => kernels.normalize(kernels.normalize(m, normalization, mean), 'l2');
  const head = trainHead(kernels, { x: unit(episode.supports), labels: episode.labels, classes: episode.classes }, options);
  const similarity = headSimilarities(kernels, head, unit(episode.queries));
  return Int32Array.from({ length: similarity.rows }, (_, r) => {
    const row = similarity.data.subarray(r * similarity.cols, (r + 1) * similarity.cols);
    return row.indexOf(Math.max(...row));
  });
}
