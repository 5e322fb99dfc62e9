import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { MODEL_IDS, RETIRED_MODEL_IDS, DATASET_IDS } from '../models/catalog.ts';
import type { Stamp } from '../../schemas/bench-file.ts';
import { evaluationsSchema, type EvaluationResult, type Evaluations, type RetrievalRow } from '../../schemas/evaluations.ts';
import { RAW_PIXELS } from './node.ts';

/**
 * src/data/evaluations.json, which npm run eval:all (or a part of it) and
 * npm run eval:heads share: each run replaces its own rows and keeps the
 * others' with their stamps.
 */
export const EVALUATIONS_FILE = new URL('../../data/evaluations.json', import.meta.url);

export function readEvaluations(): Evaluations | undefined {
  return existsSync(EVALUATIONS_FILE) ? evaluationsSchema.parse(JSON.parse(readFileSync(EVALUATIONS_FILE, 'utf8'))) : undefined;
}

const MODEL_ORDER: readonly string[] = [...MODEL_IDS, ...RETIRED_MODEL_IDS, RAW_PIXELS];
const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);

/** A run's retrieval rows (each without its stamp), and which of the previous file's to keep. */
export interface RetrievalRun {
  keep: (row: RetrievalRow) => boolean;
  rows: ReadonlyArray<object>;
}

/**
 * The file after a run: its rows (stamped by `stamp`; each an evaluation result without its stamp), and the previous rows
 * `keep` accepts with their own stamps; the same for retrieval rows when the
 * run measures them (`retrieval`; without it every previous retrieval row is
 * kept). Stamps no row uses are dropped. Rows are ordered by model (the
 * catalog's, then retired ones, then raw pixels), data set, and plain before
 * head rows, so the page's order does not depend on which part ran last.
 */
export function withRun(previous: Evaluations | undefined, keep: (row: EvaluationResult) => boolean, rows: ReadonlyArray<object>, stamp: Stamp, retrieval?: RetrievalRun): Evaluations {
  const stamps: Stamp[] = [];
  const renumbered = new Map<number, number>();
  const restamp = <R extends { stamp: number }>(r: R): R => {
    if (!renumbered.has(r.stamp)) renumbered.set(r.stamp, stamps.push(previous!.stamps[r.stamp]!) - 1);
    return { ...r, stamp: renumbered.get(r.stamp)! };
  };
  const kept = (previous?.results ?? []).filter(keep).map(restamp);
  const keptRetrieval = (previous?.retrieval ?? []).filter(retrieval?.keep ?? (() => true)).map(restamp);
  const index = stamps.push(stamp) - 1;
  const byModelAndDataset = (a: { model: string; dataset: string }, b: { model: string; dataset: string }) =>
    rank(MODEL_ORDER, a.model) - rank(MODEL_ORDER, b.model) || rank(DATASET_IDS, a.dataset) - rank(DATASET_IDS, b.dataset);
  // The new rows are checked by the schema below, like the kept ones.
  const results = [...kept, ...rows.map((r) => ({ ...r, stamp: index }) as EvaluationResult)]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => byModelAndDataset(a.r, b.r) || Number(a.r.head !== undefined) - Number(b.r.head !== undefined) || a.i - b.i)
    .map(({ r }) => r);
  // Array.prototype.sort is stable: each pair's retrieval rows keep the order they were measured in.
  const retrievalRows = [...keptRetrieval, ...(retrieval?.rows ?? []).map((r) => ({ ...r, stamp: index }) as RetrievalRow)].sort(byModelAndDataset);
  return evaluationsSchema.parse({ stamps, results, ...(retrievalRows.length > 0 ? { retrieval: retrievalRows } : {}) });
}

export function writeEvaluations(file: Evaluations): void {
  mkdirSync(new URL('.', EVALUATIONS_FILE), { recursive: true });
  writeFileSync(EVALUATIONS_FILE, JSON.stringify(evaluationsSchema.parse(file), null, 1) + '\n');
}
