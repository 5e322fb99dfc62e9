import { COSINE, POINCARE, SNR, SQUARED_EUCLIDEAN } from '../../../assembly/distances/ids.ts';

/** The distances the kernels compute; the ids come from the file the AssemblyScript side uses too. */
export const METRICS = {
  euclidean: {
    id: SQUARED_EUCLIDEAN,
    label: 'Squared Euclidean',
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
    description: 'Hyperbolic distance after mapping both vectors into the unit ball with tanh(‖x‖)·x/‖x‖.',
    topic: 'hyperbolic',
  },
} as const;

export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

export function isMetric(value: string): value is Metric {
  return Object.hasOwn(METRICS, value);
}
