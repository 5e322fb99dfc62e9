// Loss ids of the metric head, shared by the kernels (assembly/head/train.ts),
// the TypeScript wrapper (src/lib/kernels/head.ts) and its test oracle. Plain
// literals only, so the file is valid in both languages.

export const NORM_SOFTMAX = 0;
export const SOFT_TRIPLE = 1;
export const MULTI_SIMILARITY = 2;
export const CIRCLE = 3;

/** Smallest squared norm a proxy may have before its cosines are taken (a proxy at the origin has no direction). */
export const MIN_PROXY_NORM2 = 1e-12;
