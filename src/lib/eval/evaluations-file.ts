import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { MODEL_IDS, RETIRED_MODEL_IDS, DATASET_IDS } from '../models/catalog.ts';
import type { Stamp } from '../../schemas/bench-file.ts';
import { evaluationsSchema, type EvaluationResult, type Evaluations } from '../../schemas/evaluations.ts';
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

/**
 * The file after a run: its rows (stamped by `stamp`; each an evaluation result without its stamp), and the previous rows
 * `keep` accepts with their own stamps; stamps no row uses are dropped. Rows
 * are ordered by model (the catalog's, then retired ones, then raw pixels),
 * data set, and plain before head rows, so the page's order does not depend on
 * which part ran last.
 */
export function withRun(previous: Evaluations | undefined, keep: (row: EvaluationResult) => boolean, rows: ReadonlyArray<object>, stamp: Stamp): Evaluations {
  const stamps: Stamp[] = [];
  const renumbered = new Map<number, number>();
  const kept = (previous?.results ?? []).filter(keep).map((r) => {
    if (!renumbered.has(r.stamp)) renumbered.set(r.stamp, stamps.push(previous!.stamps[r.stamp]!) - 1);
    return { ...r, stamp: renumbered.get(r.stamp)! };
  });
  const index = stamps.push(stamp) - 1;
  // The new rows are checked by the schema below, like the kept ones.
  const results = [...kept, ...rows.map((r) => ({ ...r, stamp: index }) as EvaluationResult)]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(MODEL_ORDER, a.r.model) - rank(MODEL_ORDER, b.r.model) || rank(DATASET_IDS, a.r.dataset) - rank(DATASET_IDS, b.r.dataset) || Number(a.r.head !== undefined) - Number(b.r.head !== undefined) || a.i - b.i)
    .map(({ r }) => r);
  return evaluationsSchema.parse({ stamps, results });
}

export function writeEvaluations(file: Evaluations): void {
  mkdirSync(new URL('.', EVALUATIONS_FILE), { recursive: true });
  writeFileSync(EVALUATIONS_FILE, JSON.stringify(evaluationsSchema.parse(file), null, 1) + '\n');
}
