import { z } from 'astro/zod';
import { stampSchema } from './bench-file.ts';

/**
 * src/data/example-embeddings.json (npm run lab:example-embeddings): each
 * lab example set's embeddings by its model, made on onnxruntime-web's WASM
 * backend in Node from the pictures the site serves, with what the worker
 * checks before using one (src/lib/lab/shipped-embeddings.ts) and what the
 * stale test compares with the files today (tests/unit/lab/example-embeddings.test.ts).
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const exampleEmbeddingsSetSchema = z.strictObject({
  /** The example set's id (src/lib/lab/preset-sheets.ts). */
  id: z.string().min(1),
  /** The set's model (models/<id>/) and the SHA-256 of its model.onnx when these were made. */
  model: z.strictObject({ id: z.string().min(1), sha256 }),
  /** The committed sheets the pictures are cut from, each with its SHA-256. */
  sheets: z.array(z.strictObject({ file: z.string().min(1), sha256 })).min(1),
  /** SHA-256 of the model's float32 output for its card's probe input, on the runtime that made these. */
  probeSha256: sha256,
  dim: z.number().int().positive(),
  /** Classes' images in order, then the queries: each picture's decoded RGBA pixels' SHA-256 and its embedding (base64 of little-endian float32). */
  pictures: z.array(z.strictObject({ pixelsSha256: sha256, embedding: z.string().min(1) })).min(1),
});

export const exampleEmbeddingsSchema = z.strictObject({
  generatedBy: z.literal('npm run lab:example-embeddings'),
  stamp: stampSchema,
  sets: z.array(exampleEmbeddingsSetSchema),
});

export type ExampleEmbeddingsFile = z.output<typeof exampleEmbeddingsSchema>;
export type ExampleEmbeddingsSet = z.output<typeof exampleEmbeddingsSetSchema>;
