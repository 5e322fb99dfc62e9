import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { APIRoute } from 'astro';
import { SHEET_LAYOUTS } from '../../../lib/eval/sheet-datasets';

/**
 * Publishes the data sets stored under datasets/ (index.json and PNG sheets),
 * byte for byte, so the Evaluation page's "run this row in my browser" can
 * download the very files the published rows were measured on. Fashion-MNIST
 * is not among them: it comes from a Debian package at build time.
 */
// Relative to the project root: the build runs there, while this module's own URL moves when bundled.
const DATASETS = new URL('datasets/', pathToFileURL(`${process.cwd()}/`));
const TYPES: Record<string, string> = { json: 'application/json', png: 'image/png' };

export function getStaticPaths() {
  return Object.keys(SHEET_LAYOUTS).flatMap((id) =>
    readdirSync(new URL(`${id}/`, DATASETS))
      .filter((file) => /\.(json|png)$/.test(file))
      .map((file) => ({ params: { id, file } })),
  );
}

export const GET: APIRoute = ({ params }) => {
  const type = TYPES[params.file!.split('.').pop()!]!;
  return new Response(readFileSync(new URL(`${params.id}/${params.file}`, DATASETS)), { headers: { 'Content-Type': type } });
};
