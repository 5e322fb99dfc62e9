/**
 * The browser's PNG decoder (src/lib/images/png-decode.ts) against pngjs, which
 * the Node harness uses: every sheet of every data set under datasets/ must
 * decode to the very same RGBA bytes, or the browser would embed other pixels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { decodePng, PngError } from '../../../src/lib/images/png-decode.ts';

const DATASETS = resolve(import.meta.dirname, '../../../datasets');
const sheets = readdirSync(DATASETS, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.png'))
  .map((e) => join(e.parentPath, e.name).slice(DATASETS.length + 1));

describe('decodePng', () => {
  test('finds the data sets’ sheets', () => expect(sheets.length).toBeGreaterThan(40));

  test.each(sheets)('%s decodes to pngjs’s bytes', (file) => {
    const bytes = readFileSync(join(DATASETS, file));
    const ours = decodePng(new Uint8Array(bytes));
    const theirs = PNG.sync.read(bytes);
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
    expect(Buffer.from(ours.data).equals(theirs.data)).toBe(true);
  });

  test('a small RGBA picture written by pngjs with every filter decodes exactly', () => {
    const png = new PNG({ width: 7, height: 5 });
    for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37 + (i >> 3) * 11) & 0xff;
    for (const filterType of [0, 1, 2, 3, 4]) {
      const bytes = PNG.sync.write(png, { filterType });
      expect(Buffer.from(decodePng(new Uint8Array(bytes)).data).equals(png.data)).toBe(true);
    }
  });

  test('refuses what is not a PNG, naming why', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(PngError);
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/signature/);
  });
});
