import type { HeadLoss } from '../kernels/index.ts';

/**
 * The one registry of the metric head's losses: what the lab offers, what the
 * evaluation runs, and each loss's defaults. Defaults were chosen on the
 * validation classes (scripts/tune-head.ts); see the Evaluation page.
 */
export interface HeadLossInfo {
  id: HeadLoss;
  label: string;
  /** A short name, for figure labels. */
  short: string;
  /** The paper the kernel follows, as a citation. */
  source: string;
  /** That paper in the survey, by slug (src/content/papers/), when the survey has it. */
  paper?: string;
  /** Proxies per class. */
  centres: number;
  /** The kernel's hyper-parameters, in the order assembly/head/train.ts reads them. */
  params: readonly number[];
  rate: number;
  steps: number;
}

export const HEAD_LOSSES: readonly HeadLossInfo[] = [
  { id: 'norm-softmax', label: 'Normalised softmax over class proxies', short: 'NormSoftmax', source: 'NormFace (Wang et al., 2017); ProxyNCA++ (Teh et al., 2020)', centres: 1, params: [8], rate: 0.5, steps: 100 },
  { id: 'soft-triple', label: 'SoftTriple (two centres per class)', short: 'SoftTriple', source: 'SoftTriple Loss (Qian et al., 2019)', paper: 'softtriple-loss', centres: 2, params: [10, 0.1, 0.01], rate: 0.1, steps: 100 },
  { id: 'multi-similarity', label: 'Multi-Similarity (supports and proxies)', short: 'Multi-Similarity', source: 'Multi-Similarity Loss (Wang et al., 2019)', paper: 'multi-similarity-loss', centres: 1, params: [2, 20, 0.5, 0.2], rate: 0.1, steps: 100 },
  { id: 'circle', label: 'Circle loss (supports and proxies)', short: 'Circle loss', source: 'Circle Loss (Sun et al., 2020)', paper: 'circle-loss', centres: 1, params: [0.25, 4], rate: 0.02, steps: 100 },
];

export const HEAD_MOMENTUM = 0.9;
export const HEAD_DECAY = 5e-4;
/** The bounds of the visitor's choices (the form, saved labs, the schemas). */
export const MAX_HEAD_STEPS = 2000;
export const MAX_HEAD_RATE = 10;
/**
 * Above this many examples the head's Gram matrix (n² floats) and its held-out rounds take seconds after every change.
 * Measured (issue 23; 20 examples a class, 1,944-d, 100 steps; NormSoftmax / SoftTriple): Gram + training + the 5
 * held-out rounds take 0.6 / 1.4 s at 500 examples, 3.2 / 8.3 s at 1,000 and 21 / 62 s at 2,000 — each round
 * retrains on 4/5 of the examples, so the rounds cost about 4× the training, and training grows as classes × n².
 */
export const MAX_HEAD_EXAMPLES = 500;

/** The losses' ids, in the registry's order. */
export const HEAD_LOSS_NAMES = HEAD_LOSSES.map((l) => l.id);

export function headLossInfo(id: HeadLoss): HeadLossInfo {
  const info = HEAD_LOSSES.find((l) => l.id === id);
  if (!info) throw new Error(`Unknown loss "${id}".`);
  return info;
}

export function isHeadLoss(value: unknown): value is HeadLoss {
  return HEAD_LOSSES.some((l) => l.id === value);
}
