import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import type { Pixels } from '../models/preprocess.ts';

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
  const cells: Array<{ sheet: PNG; row: number; column: number }> = [];
  const byClass: number[][] = [];
  for (const script of index.scripts) {
    const sheet = PNG.sync.read(readFileSync(new URL(script.file, dir)));
    script.letters.forEach((_, row) => {
      const images: number[] = [];
      for (let column = 0; column < index.perLetter; column++) {
        images.push(cells.length);
        cells.push({ sheet, row, column });
      }
      byClass.push(images);
    });
  }
  const { cell } = index;
  return {
    name: 'glyphs-heldout',
    description: `${index.scripts.length} writing systems held out of training, ${byClass.length} letters, ${index.perLetter} pen-like drawings each`,
    byClass,
    size: cells.length,
    image(i) {
      const { sheet, row, column } = cells[i]!;
      const data = new Uint8ClampedArray(cell * cell * 4);
      for (let y = 0; y < cell; y++) {
        const from = ((row * cell + y) * sheet.width + column * cell) * 4;
        data.set(sheet.data.subarray(from, from + cell * 4), y * cell * 4);
      }
      return { width: cell, height: cell, data };
    },
  };
}

/** Fashion-MNIST's test set in IDX format, as Debian's dataset-fashion-mnist installs it. */
export function loadFashionMnist(dir = '/usr/share/datasets/fashion-mnist/'): Dataset {
  let images: Buffer;
  let labels: Buffer;
  try {
    images = gunzipSync(readFileSync(`${dir}t10k-images-idx3-ubyte.gz`));
    labels = gunzipSync(readFileSync(`${dir}t10k-labels-idx1-ubyte.gz`));
  } catch {
    throw new Error(`Fashion-MNIST is not at ${dir}: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist).`);
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
