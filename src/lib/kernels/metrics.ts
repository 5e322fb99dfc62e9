/** The distances the kernels compute. Ids match assembly/distances/index.ts. */
export const METRICS = {
  euclidean: {
    id: 0,
    label: 'Squared Euclidean',
    description: 'The distance of Prototypical Networks: ‖q − p‖².',
  },
  cosine: {
    id: 1,
    label: 'Cosine',
    description: '1 − cos(q, p); ignores vector length.',
  },
  snr: {
    id: 2,
    label: 'Signal-to-noise ratio',
    description: 'var(p − q) / var(q), the query as anchor (SNR metric, CVPR 2019).',
    paper: 'snr-distance-metric',
  },
  poincare: {
    id: 3,
    label: 'Poincaré',
    description: 'Hyperbolic distance after mapping both vectors into the unit ball with tanh(‖x‖)·x/‖x‖.',
    topic: 'hyperbolic',
  },
} as const;

export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

export function isMetric(value: string): value is Metric {
  return Object.hasOwn(METRICS, value);
}

/** Largest norm a row may have after mapping into the Poincaré ball; see assembly/distances/poincare.ts. */
export const POINCARE_MAX_NORM = 1 - 1e-5;

/** Floor on the anchor's variance in the SNR distance; see assembly/distances/snr.ts. */
export const SNR_MIN_VARIANCE = 1e-12;
