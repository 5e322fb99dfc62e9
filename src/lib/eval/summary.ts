import type { EvalResult } from './run.ts';

/** The settings a table row varies: everything but the task. */
export const rowKey = (r: Pick<EvalResult, 'metric' | 'normalize' | 'refine'>) => `${r.metric}|${r.normalize}|${r.refine}`;
export const taskKey = (r: Pick<EvalResult, 'way' | 'shot'>) => `${r.way}-way ${r.shot}-shot`;
/** The model, data set and task: results in one group share their seeded episodes. */
export const groupKey = (r: Pick<EvalResult, 'model' | 'dataset' | 'way' | 'shot'>) => `${r.model}|${r.dataset}|${taskKey(r)}`;
export const BASELINE = { metric: 'euclidean', normalize: 'none', refine: 0 } as const;
