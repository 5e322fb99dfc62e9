/** One way of treating rows before distances, and how the site names it. */
export interface NormalizationInfo {
  /** What the lab's Normalisation choice says, to the visitor (whose examples are the supports). */
  label: string;
  /** How a results row names it (the Evaluation page), in the middle of a sentence. */
  inResults: string;
  /** Where the idea comes from, when it has a source. */
  source?: string;
}

/**
 * The one registry of normalisations: as they are, scaled to unit length, or
 * centred on the supports' mean and then scaled ('cl2n': centre on the
 * supports + L2). The idea is SimpleShot's (Wang et al., 2019), which centres
 * on the mean of the base classes' training features; an episode here has no
 * base classes, so its own supports stand in for them, hence the label.
 */
export const NORMALIZATION_INFO = {
  none: { label: 'None', inResults: 'no normalisation' },
  l2: { label: 'L2', inResults: 'L2' },
  cl2n: { label: 'Centre on your examples + L2', inResults: 'centred on the supports + L2', source: 'SimpleShot (Wang et al., 2019)' },
} as const satisfies Record<string, NormalizationInfo>;

export type Normalization = keyof typeof NORMALIZATION_INFO;
export const NORMALIZATIONS = Object.keys(NORMALIZATION_INFO) as readonly Normalization[];

export function isNormalization(value: unknown): value is Normalization {
  return typeof value === 'string' && Object.hasOwn(NORMALIZATION_INFO, value);
}
