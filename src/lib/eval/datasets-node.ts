import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import type { Pixels } from '../models/preprocess.ts';
import { FASHION_MNIST } from './dataset-sources.ts';
import { sheetLayout, type Dataset } from './sheet-datasets.ts';

/**
 * Evaluation data sets, read in Node as the RGBA pixels the browser would
 * have: each image goes through the same preprocessing as in the lab. The
 * PNG-sheet sets are built by sheet-datasets.ts, as in the browser.
 */
export type { Dataset } from './sheet-datasets.ts';

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

const readPng = (url: URL): Pixels => PNG.sync.read(readFileSync(url));

/** A data set of PNG sheets (sheet-datasets.ts) from its folder: index.json and its sheets, decoded by pngjs. */
export function loadSheetDataset(id: string, dir: URL): Dataset {
  const index: unknown = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
  return sheetLayout(id).build(index, (file) => readPng(new URL(file, dir)));
}

export const loadGlyphsHeldOut = (dir: URL): Dataset => loadSheetDataset('glyphs-heldout', dir);
export const loadPhotoCrops = (dir: URL): Dataset => loadSheetDataset('photo-crops', dir);
export const loadPhotoKinds = (dir: URL): Dataset => loadSheetDataset('photo-kinds', dir);
export const loadPhotoKindsWide = (dir: URL): Dataset => loadSheetDataset('photo-kinds-wide', dir);

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
