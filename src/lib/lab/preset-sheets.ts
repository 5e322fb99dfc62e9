import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { sheetCell } from '../images/crop.ts';
import type { Pixels } from '../models/preprocess.ts';
import { modelOfKind } from '../models/catalog.ts';
import { letterClassName, titleCase } from './page/presets.ts';

/**
 * The lab's ready-made example sets, cut from committed sheets (Node only:
 * the build's src/pages/lab/presets.json.ts and npm run
 * lab:example-embeddings both read them here, so the shipped embeddings are
 * made from the very files the page serves). A photo set's pictures are
 * flattened onto white and opaque, as the lab keeps a photo: the worker keeps
 * such a PNG as it is, so the pixels it decodes are these, to the byte.
 */
export interface PresetSheet {
  /** "letters", "things", "textures": how an address or a button names a set. */
  id: string;
  model: string;
  title: string;
  credit: string;
  classes: Array<{ name: string; images: Buffer[] }>;
  queries: Buffer[];
  /** The committed files the pictures are cut from (for the embeddings' stale test). */
  sheets: string[];
}

const ROOT = new URL('../../../', import.meta.url);
const PER_CLASS = 5;
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));
const readSheet = (path: string) => PNG.sync.read(readFileSync(new URL(path, ROOT)));

/** A photo's transparent parts made white (rounded straight-alpha blend), every pixel opaque. */
function onWhite(pixels: Pixels): Pixels {
  const data = new Uint8ClampedArray(pixels.data);
  for (let p = 0; p < data.length; p += 4) {
    const a = data[p + 3]!;
    for (let k = 0; k < 3; k++) data[p + k] = Math.round((a * data[p + k]! + (255 - a) * 255) / 255);
    data[p + 3] = 255;
  }
  return { ...pixels, data };
}

function png(pixels: Pixels): Buffer {
  const out = new PNG({ width: pixels.width, height: pixels.height });
  out.data.set(pixels.data);
  return PNG.sync.write(out);
}

const cutter = (sheet: PNG, size: number, photo: boolean) => (row: number, column: number) => {
  const pixels = sheetCell(sheet, size, row, column);
  return png(photo ? onWhite(pixels) : pixels);
};

function letters(): PresetSheet {
  const dir = 'datasets/glyphs-heldout/';
  const index = readJson(`${dir}index.json`);
  const script = index.scripts.find((s: { script: string }) => s.script === 'BASSA VAH') ?? index.scripts[0];
  const cell = cutter(readSheet(dir + script.file), index.cell, false);
  const rows = [0, 7, 14];
  const name = titleCase(script.script);
  const characters = rows.map((row) => `U+${script.letters[row].codePointAt(0).toString(16).toUpperCase()} ${script.names[row]}`);
  return {
    id: 'letters',
    model: modelOfKind('sketch'),
    title: `Three ${name} letters`,
    credit: `letters of the ${name} writing system (${characters.join(', ')}), which the sketch model never saw in training, rendered from Debian's fonts (SIL Open Font License) with pen-like variations.`,
    classes: rows.map((row) => ({ name: letterClassName(script.names[row], script.script), images: Array.from({ length: PER_CLASS }, (_, c) => cell(row, c)) })),
    queries: rows.map((row) => cell(row, PER_CLASS + 1)),
    sheets: [dir + script.file],
  };
}

/** Three kinds of things, five photographs each; each kind's query is a photograph none of its examples shows. */
function things(): PresetSheet {
  const dir = 'datasets/photo-things/';
  const index = readJson(`${dir}index.json`);
  const cell = cutter(readSheet(`${dir}photos.png`), index.cell, true);
  const kinds: string[] = index.classes.map((c: { kind: string }) => c.kind);
  return {
    id: 'things',
    model: modelOfKind('photo'),
    title: 'Three kinds of things',
    credit: `photographs of ${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)} from Tux Paint’s stamps (Debian’s ${index.package} ${index.version}, GPL-2 or later); each query is a photograph none of the examples shows.`,
    classes: kinds.map((name, row) => ({ name, images: Array.from({ length: index.perClass }, (_, c) => cell(row, c)) })),
    queries: kinds.map((_, row) => cell(row, index.perClass)),
    sheets: [`${dir}photos.png`],
  };
}

function textures(): PresetSheet {
  const dir = 'datasets/photo-crops/';
  const index = readJson(`${dir}index.json`);
  const cell = cutter(readSheet(`${dir}crops.png`), index.cell, true);
  const rows = ['brick', 'grass', 'gravel'].map((photo) => index.classes.findIndex((c: { photo: string }) => c.photo === photo));
  return {
    id: 'textures',
    model: modelOfKind('photo'),
    title: 'Three textures',
    credit: 'crops of the brick, grass and gravel photographs in scikit-image’s sample data (CC0, cc0textures.com).',
    classes: rows.map((row) => ({ name: index.classes[row].photo, images: Array.from({ length: PER_CLASS }, (_, c) => cell(row, c)) })),
    queries: rows.map((row) => cell(row, PER_CLASS + 1)),
    sheets: [`${dir}crops.png`],
  };
}

export const presetSheets = (): PresetSheet[] => [letters(), things(), textures()];

/** A set's pictures in the order its shipped embeddings list them: the classes' images, then the queries. */
export const picturesInOrder = (preset: PresetSheet): Buffer[] => [...preset.classes.flatMap((c) => c.images), ...preset.queries];
