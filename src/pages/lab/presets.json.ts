import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { APIRoute } from 'astro';
import { PNG } from 'pngjs';
import { sheetCell } from '../../lib/images/crop.ts';
import { letterClassName, titleCase } from '../../lib/lab/page/presets.ts';
import { modelOfKind } from '../../lib/models/catalog.ts';

/**
 * Ready-made example sets for the lab, cut at build time from committed
 * sheets: letters of a writing system the sketch model never saw (an
 * evaluation set), photographs of everyday things (datasets/photo-things, made
 * for the lab) and crops of CC0 texture photographs (an evaluation set). A
 * model's first set is the one "Try an example set" loads; others are loaded
 * by their id. Images are PNG data URLs.
 */
const ROOT = pathToFileURL(`${process.cwd()}/`);
const PER_CLASS = 5;

/** One cell of a sheet as a PNG data URL. */
function cell(sheet: PNG, size: number, row: number, column: number): string {
  const out = new PNG({ width: size, height: size });
  out.data.set(sheetCell(sheet, size, row, column).data);
  return `data:image/png;base64,${PNG.sync.write(out).toString('base64')}`;
}

function glyphPreset() {
  const dir = new URL('datasets/glyphs-heldout/', ROOT);
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
  const script = index.scripts.find((s: { script: string }) => s.script === 'BASSA VAH') ?? index.scripts[0];
  const sheet = PNG.sync.read(readFileSync(new URL(script.file, dir)));
  const letters = [0, 7, 14];
  const name = titleCase(script.script);
  const characters = letters.map((row) => `U+${script.letters[row].codePointAt(0).toString(16).toUpperCase()} ${script.names[row]}`);
  return {
    id: 'letters',
    model: modelOfKind('sketch'),
    title: `Three ${name} letters`,
    credit: `letters of the ${name} writing system (${characters.join(', ')}), which the sketch model never saw in training, rendered from Debian's fonts (SIL Open Font License) with pen-like variations.`,
    classes: letters.map((row) => ({ name: letterClassName(script.names[row], script.script), images: Array.from({ length: PER_CLASS }, (_, c) => cell(sheet, index.cell, row, c)) })),
    queries: letters.map((row) => cell(sheet, index.cell, row, PER_CLASS + 1)),
  };
}

/** Three kinds of things, five photographs each; each kind's query is a photograph none of its examples shows. */
function thingsPreset() {
  const dir = new URL('datasets/photo-things/', ROOT);
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
  const sheet = PNG.sync.read(readFileSync(new URL('photos.png', dir)));
  const kinds: string[] = index.classes.map((c: { kind: string }) => c.kind);
  return {
    id: 'things',
    model: modelOfKind('photo'),
    title: 'Three kinds of things',
    credit: `photographs of ${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)} from Tux Paint’s stamps (Debian’s ${index.package} ${index.version}, GPL-2 or later); each query is a photograph none of the examples shows.`,
    classes: kinds.map((name, row) => ({ name, images: Array.from({ length: index.perClass }, (_, c) => cell(sheet, index.cell, row, c)) })),
    queries: kinds.map((_, row) => cell(sheet, index.cell, row, index.perClass)),
  };
}

function texturesPreset() {
  const dir = new URL('datasets/photo-crops/', ROOT);
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
  const sheet = PNG.sync.read(readFileSync(new URL('crops.png', dir)));
  const rows = ['brick', 'grass', 'gravel'].map((photo) => index.classes.findIndex((c: { photo: string }) => c.photo === photo));
  return {
    id: 'textures',
    model: modelOfKind('photo'),
    title: 'Three textures',
    credit: 'crops of the brick, grass and gravel photographs in scikit-image’s sample data (CC0, cc0textures.com).',
    classes: rows.map((row) => ({ name: index.classes[row].photo, images: Array.from({ length: PER_CLASS }, (_, c) => cell(sheet, index.cell, row, c)) })),
    queries: rows.map((row) => cell(sheet, index.cell, row, PER_CLASS + 1)),
  };
}

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ presets: [glyphPreset(), thingsPreset(), texturesPreset()] }), { headers: { 'Content-Type': 'application/json' } });
