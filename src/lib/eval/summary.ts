import type { EvalResult } from './run.ts';

/** The settings a table row varies: everything but the task. */
export const rowKey = (r: Pick<EvalResult, 'metric' | 'normalize' | 'refine'>) => `${r.metric}|${r.normalize}|${r.refine}`;
export const taskKey = (r: Pick<EvalResult, 'way' | 'shot'>) => `${r.way}-way ${r.shot}-shot`;
export const BASELINE = { metric: 'euclidean', normalize: 'none', refine: 0 } as const;

/** Better, worse or indistinguishable from another result, by non-overlapping 95 % intervals. */
export function compare(a: Pick<EvalResult, 'accuracy' | 'ci95'>, b: Pick<EvalResult, 'accuracy' | 'ci95'>): 'better' | 'worse' | 'same' {
  if (a.accuracy - a.ci95 > b.accuracy + b.ci95) return 'better';
  if (a.accuracy + a.ci95 < b.accuracy - b.ci95) return 'worse';
  return 'same';
}
