/** What a new lab starts with: two empty classes, and no queries. */

/** The two empty classes a new lab (or a cleared one) starts with. */
export const DEFAULT_CLASSES = ['Class A', 'Class B'];

/** The last queries: their embeddings by the current model, thumbnails, and kept originals to embed again when the model changes. */
export interface Queries {
  embeddings: Float32Array[];
  thumbs: Blob[];
  originals: Blob[];
}

export const NO_QUERIES: Queries = { embeddings: [], thumbs: [], originals: [] };
