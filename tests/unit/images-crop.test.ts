import { describe, expect, test } from 'vitest';
import { cropRgba, sheetCell } from '../../src/lib/images/crop.ts';

/** A width × height RGBA image whose pixel (x, y) is [x, y, 7, 255]. */
const coordinates = (width: number, height: number) => ({
  width,
  height,
  data: Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => [i % (width * 4) >> 2, Math.floor(i / (width * 4)), 7, 255][i % 4]!),
});

describe('cropRgba', () => {
  test('copies the rectangle, row by row, into a new buffer', () => {
    const image = coordinates(5, 4);
    const crop = cropRgba(image, 1, 2, 3, 2);
    expect(crop.width).toBe(3);
    expect(crop.height).toBe(2);
    expect(Array.from(crop.data)).toEqual([1, 2, 7, 255, 2, 2, 7, 255, 3, 2, 7, 255, 1, 3, 7, 255, 2, 3, 7, 255, 3, 3, 7, 255]);
    crop.data[0] = 99;
    expect(image.data[(2 * 5 + 1) * 4]).toBe(1);
  });

  test('refuses a rectangle outside the image', () => {
    expect(() => cropRgba(coordinates(5, 4), 3, 0, 3, 1)).toThrow(/does not fit in a 5 × 4 image/);
  });
});

describe('sheetCell', () => {
  test('is the cell at (row, column) of a sheet of square cells', () => {
    const cell = sheetCell(coordinates(6, 4), 2, 1, 2);
    expect(Array.from(cell.data.filter((_, i) => i % 4 < 2))).toEqual([4, 2, 5, 2, 4, 3, 5, 3]);
  });
});
