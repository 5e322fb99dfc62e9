import { summarizeByClass, type Kernels, type Matrix, type Metric, type RetrievalResult, type RetrievalSummary } from '../kernels/index.ts';
import { headSimilarities, type TrainedHead } from './head-train.ts';

/** At most this many confusing pairs are listed (the worst first): a big lab can have hundreds. */
export const MAX_CONFUSING_PAIRS = 12;

/** An example whose nearest other example belongs to another class. */
export interface ConfusingPair {
  exampleId: string;
  classId: string;
  /** 1-based place of the example in its class, as the class card shows it. */
  number: number;
  neighbourId: string;
  neighbourClassId: string;
  neighbourNumber: number;
  /** The example's AP@R as a query: the pairs are listed lowest first. */
  apAtR: number;
}

/** Retrieval in one space: per class (in class order) and over every query, and the confusing pairs, worst first. */
export interface RetrievalSide {
  perClass: RetrievalSummary[];
  all: RetrievalSummary;
  pairs: ConfusingPair[];
  /** Confusing pairs found, a pair seen from both sides counted once (pairs lists at most MAX_CONFUSING_PAIRS of them). */
  confused: number;
}

/** "How well your examples retrieve each other": every example a query against all the others. */
export interface RetrievalReport {
  classIds: string[];
  examples: number;
  metric: Metric;
  /** The examples as prototypes use them (normalised as the method says), under the lab's metric. */
  prototypes: RetrievalSide;
  /** With the head on and trained: each example as its similarities to the classes' proxies, by Euclidean distance. */
  head?: RetrievalSide;
}

export interface RetrievalInput {
  ready: Array<{ id: string; examples: Array<{ id: string }> }>;
  normalized: Matrix;
  labels: Int32Array;
  metric: Metric;
  /** The trained head and the unit-length supports it lives among, when it is on. */
  head?: { head: TrainedHead; x: Matrix };
}

/** The kernels' retrieval (assembly/retrieval/) of each example against the rest, summarised per class, with the pairs that confuse it. */
export function exampleRetrieval(kernels: Kernels, input: RetrievalInput): RetrievalReport {
  const { ready, labels } = input;
  const owners = ready.flatMap((c) => c.examples.map((e, place) => ({ id: e.id, classId: c.id, number: place + 1 })));
  const side = (metric: Metric, embeddings: Matrix): RetrievalSide => {
    const result = kernels.retrieval.evaluate(metric, embeddings, labels, ready.length);
    const pairs = confusingPairs(result, labels, owners);
    return { perClass: summarizeByClass(result, labels, ready.length), all: result.summary, pairs: pairs.slice(0, MAX_CONFUSING_PAIRS), confused: pairs.length };
  };
  const head = input.head && side('euclidean', headSimilarities(kernels, input.head.head, input.head.x));
  return { classIds: ready.map((c) => c.id), examples: owners.length, metric: input.metric, prototypes: side(input.metric, input.normalized), ...(head ? { head } : {}) };
}

/** Queries (with a match to find) whose rank-1 neighbour is of another class, lowest AP@R first; a pair seen from both sides is listed once. */
function confusingPairs(result: RetrievalResult, labels: Int32Array, owners: Array<{ id: string; classId: string; number: number }>): ConfusingPair[] {
  const rows = [...labels.keys()].filter((i) => result.relevant[i]! > 0 && result.nearest[i]! >= 0 && labels[result.nearest[i]!] !== labels[i]);
  rows.sort((a, b) => result.apAtR[a]! - result.apAtR[b]! || a - b);
  const seen = new Set<string>();
  return rows.flatMap((i) => {
    const j = result.nearest[i]!;
    const key = [Math.min(i, j), Math.max(i, j)].join();
    if (seen.has(key)) return [];
    seen.add(key);
    const [query, neighbour] = [owners[i]!, owners[j]!];
    return [{ exampleId: query.id, classId: query.classId, number: query.number, neighbourId: neighbour.id, neighbourClassId: neighbour.classId, neighbourNumber: neighbour.number, apAtR: result.apAtR[i]! }];
  });
}
