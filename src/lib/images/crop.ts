import type { Pixels } from '../models/preprocess.ts';

/**
 * A copy of the `width × height` rectangle at (left, top) of an RGBA image —
 * ImageData, a decoded pngjs PNG or preprocessing's Pixels all have this
 * layout. The rectangle must lie inside the image.
 */
export function cropRgba(image: Pixels, left: number, top: number, width: number, height: number): Pixels {
  if (left < 0 || top < 0 || left + width > image.width || top + height > image.height) {
    throw new RangeError(`The ${width} × ${height} rectangle at (${left}, ${top}) does not fit in a ${image.width} × ${image.height} image.`);
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** Cell (row, column) of a sheet of `size × size` cells: how the evaluation sets are stored. */
export function sheetCell(sheet: Pixels, size: number, row: number, column: number): Pixels {
  return cropRgba(sheet, column * size, row * size, size, size);
}
