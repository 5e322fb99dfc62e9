import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { exampleEmbeddingsSchema } from '../../../schemas/example-embeddings.ts';

/**
 * One example set's shipped embeddings (src/data/example-embeddings.json,
 * npm run lab:example-embeddings), fetched by the page beside the set's
 * pictures: the model, its probe fingerprint and each picture's pixel
 * fingerprint and embedding. The worker uses an embedding only when both
 * fingerprints match what it computed itself (src/lib/lab/worker/shipped.ts).
 */
const file = () => exampleEmbeddingsSchema.parse(JSON.parse(readFileSync(new URL('src/data/example-embeddings.json', `file://${process.cwd()}/`), 'utf8')));

export const getStaticPaths: GetStaticPaths = () => file().sets.map((set) => ({ params: { set: set.id } }));

export const GET: APIRoute = ({ params }) => {
  const set = file().sets.find((s) => s.id === params.set)!;
  const body = { model: set.model.id, probeSha256: set.probeSha256, pictures: set.pictures };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
