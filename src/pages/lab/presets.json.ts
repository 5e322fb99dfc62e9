import type { APIRoute } from 'astro';
import { presetSheets } from '../../lib/lab/preset-sheets.ts';

/**
 * Ready-made example sets for the lab, cut at build time from committed
 * sheets (src/lib/lab/preset-sheets.ts): letters of a writing system the
 * sketch model never saw (an evaluation set), photographs of everyday things
 * (datasets/photo-things, made for the lab) and crops of CC0 texture
 * photographs (an evaluation set). A model's first set is the one "Try an
 * example set" loads; others are loaded by their id. Images are PNG data
 * URLs; each set's shipped embeddings are at lab/example-embeddings/<id>.json.
 */
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      presets: presetSheets().map(({ sheets: _, classes, queries, ...preset }) => ({
        ...preset,
        classes: classes.map((c) => ({ name: c.name, images: c.images.map(dataUrl) })),
        queries: queries.map(dataUrl),
      })),
    }),
    { headers: { 'Content-Type': 'application/json' } },
  );
