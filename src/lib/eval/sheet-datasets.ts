import { sheetCell } from '../images/crop.ts';
import type { Pixels } from '../models/pixels.ts';

/**
 * The data sets stored as PNG sheets under datasets/<id>/ (an index.json and
 * one row of cells per class), built from their decoded sheets. Node reads the
 * files from disk with pngjs (datasets-node.ts), the browser downloads them from
 * the site and decodes them with png-decode.ts; both build the data set here.
 */
export interface Dataset {
  name: string;
  /** Image count per class, and a way to get image i of the flat list. */
  byClass: number[][];
  image(index: number): Pixels;
  size: number;
  description: string;
}

/**
 * A data set stored as PNG sheets: one row of `perClass` cells per class, of
 * which the class's images are the first `counts[class]` (all when absent).
 */
export function sheetDataset(name: string, description: string, sheets: Array<{ png: Pixels; classes: number }>, cell: number, perClass: number, counts?: readonly number[]): Dataset {
  const cells: Array<{ sheet: Pixels; row: number; column: number }> = [];
  const byClass: number[][] = [];
  for (const { png, classes } of sheets) {
    for (let row = 0; row < classes; row++) {
      const images: number[] = [];
      const kept = counts?.[byClass.length] ?? perClass;
      for (let column = 0; column < kept; column++) {
        images.push(cells.length);
        cells.push({ sheet: png, row, column });
      }
      byClass.push(images);
    }
  }
  return {
    name,
    description,
    byClass,
    size: cells.length,
    image(i) {
      const { sheet, row, column } = cells[i]!;
      return sheetCell(sheet, cell, row, column);
    },
  };
}

interface GlyphsIndex {
  cell: number;
  perLetter: number;
  scripts: Array<{ file: string; script: string; letters: string[] }>;
}
interface PhotoIndex<K extends string> {
  cell: number;
  perClass: number;
  classes: Array<Record<K, string>>;
}
interface WideKindsIndex {
  cell: number;
  perClass: number;
  classes: Array<{ kind: string; count: number }>;
}

/** How each sheet data set names its sheets and builds itself from them. */
interface SheetLayout {
  sheets(index: unknown): string[];
  build(index: unknown, read: (file: string) => Pixels): Dataset;
}

export const SHEET_LAYOUTS: Readonly<Record<string, SheetLayout>> = {
  /** The held-out writing systems of the glyph renderer (training/export_eval.py): one sheet per writing system, a row per letter. */
  'glyphs-heldout': {
    sheets: (index) => (index as GlyphsIndex).scripts.map((s) => s.file),
    build(raw, read) {
      const index = raw as GlyphsIndex;
      const sheets = index.scripts.map((s) => ({ png: read(s.file), classes: s.letters.length }));
      const letters = sheets.reduce((n, s) => n + s.classes, 0);
      return sheetDataset('glyphs-heldout', `${index.scripts.length} writing systems held out of training, ${letters} letters, ${index.perLetter} pen-like drawings each`, sheets, index.cell, index.perLetter);
    },
  },
  /** Random crops of CC0 and public-domain photographs (training/export_photo_crops.py): each photograph is a class. */
  'photo-crops': {
    sheets: () => ['crops.png'],
    build(raw, read) {
      const index = raw as PhotoIndex<'photo'>;
      const description = `${index.classes.length} photographs (CC0 or public domain, scikit-image's samples), ${index.perClass} random crops each`;
      return sheetDataset('photo-crops', description, [{ png: read('crops.png'), classes: index.classes.length }], index.cell, index.perClass);
    },
  },
  /**
   * Several photographs of each kind of thing (training/export_photo_kinds.py):
   * Tux Paint's photo stamps (GPL-2), a class per kind, so it measures
   * recognising a kind from a few different pictures of it.
   */
  'photo-kinds': {
    sheets: () => ['photos.png'],
    build(raw, read) {
      const index = raw as PhotoIndex<'kind'>;
      const description = `${index.classes.length} kinds of thing (birds, fruit, tools, …), ${index.perClass} different photographs each (Tux Paint's photo stamps, GPL-2)`;
      return sheetDataset('photo-kinds', description, [{ png: read('photos.png'), classes: index.classes.length }], index.cell, index.perClass);
    },
  },
  /**
   * The same kind of set, wider (training/export_photo_kinds_wide.py): 32
   * kinds from every photographic Tux Paint stamp, 6 to 10 photographs a kind
   * (a row's unused cells are white; index.json gives each kind's count).
   */
  'photo-kinds-wide': {
    sheets: () => ['photos.png'],
    build(raw, read) {
      const index = raw as WideKindsIndex;
      const counts = index.classes.map((c) => c.count);
      const description = `${index.classes.length} kinds of everyday thing, ${Math.min(...counts)} to ${Math.max(...counts)} different photographs each, ${counts.reduce((a, b) => a + b, 0)} in all (Tux Paint's photo stamps, GPL-2 or later)`;
      return sheetDataset('photo-kinds-wide', description, [{ png: read('photos.png'), classes: index.classes.length }], index.cell, index.perClass, counts);
    },
  },
};

/** The layout of a sheet data set, or an error naming those there are. */
export function sheetLayout(id: string): SheetLayout {
  const layout = SHEET_LAYOUTS[id];
  if (!layout) throw new Error(`"${id}" is not stored as PNG sheets; those that are: ${Object.keys(SHEET_LAYOUTS).join(', ')}.`);
  return layout;
}
