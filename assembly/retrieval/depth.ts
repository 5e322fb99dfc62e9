// The retrieval kernel's one shared constant, for the kernel
// (assembly/retrieval/index.ts), the TypeScript wrapper
// (src/lib/kernels/retrieval.ts) and its test oracle. A plain literal, so the
// file is valid in both languages.

/** The largest K of Recall@K (K = 1, 2, 4, 8): each query's ranking keeps at least this many of the gallery. */
export const RECALL_DEPTH = 8;
