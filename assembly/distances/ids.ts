// Metric ids and the distances' numeric guards, in one place for both sides:
// the AssemblyScript kernels import this file, and so does the TypeScript
// wrapper (src/lib/kernels/metrics.ts) and its test oracle. Plain literals
// only, so the file is valid in both languages (integers infer as i32 and
// decimals as f64 in AssemblyScript).

export const SQUARED_EUCLIDEAN = 0;
export const COSINE = 1;
export const SNR = 2;
export const POINCARE = 3;

/** Largest norm a row may have after mapping into the Poincaré ball (see poincare.ts). */
export const POINCARE_MAX_NORM = 1 - 1e-5;

/** Floor on the anchor's variance in the SNR distance (see snr.ts). */
export const SNR_MIN_VARIANCE = 1e-12;
