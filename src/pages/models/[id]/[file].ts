import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { APIRoute } from 'astro';

/** Publishes models/<id>/model.onnx and card.json with the site, so the lab fetches them from its own origin. */
// Relative to the project root: the build runs there, while this module's own URL moves when bundled.
const MODELS = new URL('models/', pathToFileURL(`${process.cwd()}/`));
const FILES = { 'model.onnx': 'application/octet-stream', 'card.json': 'application/json' } as const;

export function getStaticPaths() {
  return readdirSync(MODELS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => Object.keys(FILES).map((file) => ({ params: { id: entry.name, file } })));
}

export const GET: APIRoute = ({ params }) => {
  const file = params.file as keyof typeof FILES;
  return new Response(readFileSync(new URL(`${params.id}/${file}`, MODELS)), { headers: { 'Content-Type': FILES[file] } });
};
