/**
 * What the Evaluation page and its "run this row" worker say to each other
 * (types only). One request per worker: the page starts a worker for a row,
 * and cancels by ending it.
 */
import type { EvalSettings } from '../eval/run.ts';
import type { Metric, Normalization } from '../kernels/index.ts';
import type { RetrievalMeasure } from '../eval/retrieval-rows.ts';
import type { DatasetSource } from './dataset-download.ts';

interface RowRequestBase {
  /** The site's base URL (ends with /), where models/ and datasets/ are published. */
  base: string;
  /** The kernels' WASM, as the page's bundle names it. */
  kernelsUrl: string;
  /** A model of models/, or raw-pixels. */
  model: string;
  /** The SHA-256 of the model file in the published row's stamp; absent for raw pixels. */
  modelSha256?: string;
  dataset: DatasetSource;
  /** Bytes to download for the data set, as the page announced them. */
  datasetBytes: number;
  /** Which classes the published row used: all, or the test split (the data set's rule, eval/datasets.ts). */
  classes: 'all' | 'test';
}

/** Few-shot rows: the same seeded episodes as npm run eval:all, one result per task of the row. */
export interface FewShotRequest extends RowRequestBase {
  kind: 'few-shot';
  /** One per result; a learned-metric row's settings carry its `head` (eval/head-rows.ts headOptionsOfRow). */
  settings: EvalSettings[];
  /** The rows are npm run eval:heads' (eval/head-rows.ts): its capped test split, not the whole one. */
  headRows?: boolean;
}

/** Retrieval rows: every image of the split a query against the rest. */
export interface RetrievalRequest extends RowRequestBase {
  kind: 'retrieval';
  metric: Metric;
  normalize: Normalization;
}

export type RowRequest = FewShotRequest | RetrievalRequest;

export type Stage = 'download' | 'embed' | 'episodes' | 'retrieval';

export interface FewShotOutcome {
  accuracy: number;
  ci95: number;
  episodeFingerprint: string;
}

/** Retrieval's measures over the split, as the published row has them (eval/retrieval-rows.ts). */
export type RetrievalOutcome = RetrievalMeasure;

export type RowReply =
  | { type: 'progress'; stage: Stage; done: number; total: number; label: string }
  | { type: 'done'; kind: 'few-shot'; results: FewShotOutcome[]; seconds: number; engine: string }
  | { type: 'done'; kind: 'retrieval'; result: RetrievalOutcome; seconds: number; engine: string }
  | { type: 'failed'; message: string };
