import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { sheetCell } from '../images/crop.ts';
import type { Pixels } from '../models/preprocess.ts';
import { FASHION_MNIST } from './dataset-sources.ts';

/**
 * Evaluation data sets, read in Node as the RGBA pixels the browser would
 * have: each image goes through the same preprocessing as in the lab.
 */
export interface Dataset {
  name: string;
  /** Image count per class, and a way to get image i of the flat list. */
  byClass: number[][];
  image(index: number): Pixels;
  size: number;
  description: string;
}

const grayToRgba = (gray: Uint8Array | Buffer, offset: number, width: number, height: number): Pixels => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = gray[offset + i]!;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
};

/** A data set stored as PNG sheets: one row of `perClass` cells per class. */
function sheetDataset(name: string, description: string, sheets: Array<{ png: PNG; classes: number }>, cell: number, perClass: number): Dataset {
  const cells: Array<{ sheet: PNG; row: number; column: number }> = [];
  const byClass: number[][] = [];
  for (const { png, classes } of sheets) {
    for (let row = 0; row < classes; row++) {
      const images: number[] = [];
      for (let column = 0; column < perClass; column++) {
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

const readPng = (url: URL) => PNG.sync.read(readFileSync(url));

/**
 * The held-out writing systems of the glyph renderer (training/export_eval.py):
 * one PNG sheet per writing system, one row per letter, one cell per drawing.
 */
export function loadGlyphsHeldOut(dir: URL): Dataset {
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as {
    cell: number;
    perLetter: number;
    scripts: Array<{ file: string; script: string; letters: string[] }>;
  };
  const sheets = index.scripts.map((s) => ({ png: readPng(new URL(s.file, dir)), classes: s.letters.length }));
  const letters = sheets.reduce((n, s) => n + s.classes, 0);
  return sheetDataset('glyphs-heldout', `${index.scripts.length} writing systems held out of training, ${letters} letters, ${index.perLetter} pen-like drawings each`, sheets, index.cell, index.perLetter);
}

/** Random crops of CC0 and public-domain photographs (training/export_photo_crops.py): each photograph is a class. */
export function loadPhotoCrops(dir: URL): Dataset {
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as { cell: number; perClass: number; classes: Array<{ photo: string }> };
  return sheetDataset(
    'photo-crops',
    `${index.classes.length} photographs (CC0 or public domain, scikit-image's samples), ${index.perClass} random crops each`,
    [{ png: readPng(new URL('crops.png', dir)), classes: index.classes.length }],
    index.cell,
    index.perClass,
  );
}

/**
 * Several photographs of each kind of thing (training/export_photo_kinds.py):
 * Tux Paint's photo stamps (GPL-2), a class per kind, so it measures
 * recognising a kind from a few different pictures of it.
 */
export function loadPhotoKinds(dir: URL): Dataset {
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as { cell: number; perClass: number; classes: Array<{ kind: string }> };
  return sheetDataset(
    'photo-kinds',
    `${index.classes.length} kinds of thing (birds, fruit, tools, …), ${index.perClass} different photographs each (Tux Paint's photo stamps, GPL-2)`,
    [{ png: readPng(new URL('photos.png', dir)), classes: index.classes.length }],
    index.cell,
    index.perClass,
  );
}

/** Fashion-MNIST's test set in IDX format, as Debian's dataset-fashion-mnist installs it. */
export function loadFashionMnist(dir = FASHION_MNIST.dir): Dataset {
  let images: Buffer;
  let labels: Buffer;
  const [imageFile, labelFile] = FASHION_MNIST.files;
  try {
    images = gunzipSync(readFileSync(`${dir}${imageFile}`));
    labels = gunzipSync(readFileSync(`${dir}${labelFile}`));
  } catch {
    throw new Error(`Fashion-MNIST is not at ${dir}: install Debian's ${FASHION_MNIST.debianPackage} (apt-get install ${FASHION_MNIST.debianPackage}).`);
  }
  const count = images.readUInt32BE(4);
  const height = images.readUInt32BE(8);
  const width = images.readUInt32BE(12);
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < count; i++) byClass[labels[8 + i]!]!.push(i);
  return {
    name: 'fashion-mnist',
    description: `Fashion-MNIST test set (MIT licence): ${count} images of 10 clothing classes, ${width} × ${height}`,
    byClass,
    size: count,
    image: (i) => grayToRgba(images, 16 + i * width * height, width, height),
  };
}
