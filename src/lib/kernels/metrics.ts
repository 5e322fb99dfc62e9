import { COSINE, POINCARE, SNR, SQUARED_EUCLIDEAN } from '../../../assembly/distances/ids.ts';

/** One distance: the kernel's id and how the site names it. */
export interface MetricInfo {
  /** The AssemblyScript kernel's id (assembly/distances/ids.ts). */
  id: number;
  label: string;
  /** What the lab's Distance choice adds in brackets after the label. */
  qualifier?: string;
  description: string;
  /** The survey paper it comes from, by slug (src/content/papers/). */
  paper?: string;
  /** The survey topic it belongs to, by slug (src/content/topics/). */
  topic?: string;
}

/** The one registry of the distances the kernels compute; the ids come from the file the AssemblyScript side uses too. */
export const METRICS = {
  euclidean: {
    id: SQUARED_EUCLIDEAN,
    label: 'Squared Euclidean',
    qualifier: 'Prototypical Networks',
    description: 'The distance of Prototypical Networks: ‖q − p‖².',
  },
  cosine: {
    id: COSINE,
    label: 'Cosine',
    description: '1 − cos(q, p); ignores vector length.',
  },
  snr: {
    id: SNR,
    label: 'Signal-to-noise ratio',
    description: 'var(p − q) / var(q), the query as anchor (SNR metric, CVPR 2019).',
    paper: 'snr-distance-metric',
  },
  poincare: {
    id: POINCARE,
    label: 'Poincaré',
    qualifier: 'exp₀ map of these features into the ball',
    description: 'Hyperbolic distance after mapping both vectors into the unit ball with tanh(‖x‖)·x/‖x‖.',
    topic: 'hyperbolic',
  },
} as const satisfies Record<string, MetricInfo>;

export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

export function isMetric(value: string): value is Metric {
  return Object.hasOwn(METRICS, value);
}

/** What the lab's Distance choice says for a metric: its label, and its qualifier in brackets. */
export function metricChoiceLabel(metric: Metric): string {
  const info: MetricInfo = METRICS[metric];
  return info.qualifier ? `${info.label} (${info.qualifier})` : info.label;
}
