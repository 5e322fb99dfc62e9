import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseModelCard } from '../../../src/lib/models/card.ts';
import { inkOf, inkToTensor, preprocess, PreprocessError, resampleArea, type Pixels } from '../../../src/lib/models/preprocess.ts';

const sketchCard = parseModelCard({
  id: 'test-sketch',
  name: 'Test sketch model',
  kind: 'sketch',
  input: { name: 'input', layout: 'NCHW', channels: 1, height: 28, width: 28, range: [0, 1], colorOrder: 'RGB', ink: 'white-on-black', crop: { rule: 'ink-bounding-box', margin: 2 } },
  output: { name: 'embedding', dim: 64 },
  license: 'MIT',
  sources: [{ name: 'test', license: 'MIT' }],
});

/** An RGBA picture from a function of (x, y) giving a gray level 0–255. */
function picture(width: number, height: number, gray: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = gray(x, y);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

describe('inkToTensor', () => {
  test('matches the numpy port used in training, on every fixture (tolerance 1e-5)', () => {
    const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/sketch-preprocess.json', import.meta.url), 'utf8')) as {
      cases: Array<{ height: number; width: number; ink: number[]; tensor: number[] }>;
    };
    expect(fixtures.cases.length).toBeGreaterThan(3);
    for (const c of fixtures.cases) {
      const actual = inkToTensor(Float32Array.from(c.ink), c.width, c.height, 28, 2);
      for (let i = 0; i < actual.length; i++) expect(Math.abs(actual[i]! - c.tensor[i]!)).toBeLessThan(1e-5);
    }
  });
});

describe('preprocess (sketch)', () => {
  const square = (invert: boolean) =>
    picture(100, 60, (x, y) => {
      const ink = x >= 40 && x < 60 && y >= 20 && y < 40;
      return ink !== invert ? 255 : 0;
    });

  test('crops to the ink and centres it, whatever the size and place of the drawing', () => {
    const t = preprocess(square(false), sketchCard);
    expect(t.length).toBe(28 * 28);
    // A square of ink fills the 24 × 24 box inside the 2-pixel margin.
    expect(t[2 * 28 + 2]).toBeCloseTo(1, 5);
    expect(t[25 * 28 + 25]).toBeCloseTo(1, 5);
    expect(t[1 * 28 + 14]).toBe(0);
  });

  test('reads dark ink on light paper the same as light ink on dark', () => {
    expect(Array.from(preprocess(square(true), sketchCard))).toEqual(Array.from(preprocess(square(false), sketchCard)));
  });

  test('reads a transparent canvas as paper', () => {
    const data = new Uint8ClampedArray(30 * 30 * 4);
    for (let y = 10; y < 20; y++) for (let x = 5; x < 25; x++) data.set([0, 0, 0, 255], (y * 30 + x) * 4);
    const ink = inkOf({ width: 30, height: 30, data });
    expect(ink[0]).toBe(0);
    expect(ink[15 * 30 + 10]).toBe(1);
  });

  test('rejects an empty drawing and a wrong buffer size with clear errors', () => {
    expect(() => preprocess(picture(20, 20, () => 0), sketchCard)).toThrow(/no ink/);
    expect(() => preprocess({ width: 10, height: 10, data: new Uint8ClampedArray(12) }, sketchCard)).toThrow(PreprocessError);
  });
});

describe('resampleArea', () => {
  test('keeps the mean of the image (area weights sum to one)', () => {
    const src = Float32Array.from({ length: 37 * 23 }, (_, i) => (i * 7919) % 13);
    const out = resampleArea(src, 37, 23, 10, 6);
    const mean = (a: Float32Array) => a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean(out)).toBeCloseTo(mean(src), 4);
  });
});

describe('preprocess (photo)', () => {
  /** A valid photo card, then shrunk to a tensor small enough to compute by hand (cards themselves need ≥ 8 × 8). */
  const photoCard = ({ height, width, ...input }: { channels: 1 | 3; height: number; width: number; range: [number, number]; mean?: number[]; std?: number[] }) => {
    const card = parseModelCard({
      id: 'test-photo',
      name: 'Test photo model',
      kind: 'photo',
      input: { name: 'input', layout: 'NCHW', colorOrder: 'RGB', height: 8, width: 8, ...input },
      output: { name: 'embedding', dim: 8 },
      license: 'MIT',
      sources: [{ name: 'test', license: 'MIT' }],
    });
    return { ...card, input: { ...card.input, height, width } };
  };

  /** RGBA pixels from rows of [r, g, b, a]. */
  const rgba = (rows: number[][][]): Pixels => ({ width: rows[0]!.length, height: rows.length, data: Uint8ClampedArray.from(rows.flat(2)) });

  const expectTensor = (actual: Float32Array, expected: number[]) => {
    expect(actual).toHaveLength(expected.length);
    expected.forEach((v, i) => expect(Math.abs(actual[i]! - v), `value ${i}: ${actual[i]} ≠ ${v}`).toBeLessThan(1e-4));
  };

  test('crops a wide image to its centre square, averages 2 × 2 blocks, composites over white, then mean/std per channel', () => {
    const edge = [17, 200, 33, 255]; // columns 0 and 5: outside the centre square
    const red = [255, 0, 0, 255];
    const blue = [0, 0, 255, 255];
    const black = [0, 0, 0, 255];
    const clear = [0, 0, 0, 0]; // transparent: reads as white
    const green = (r: number) => [r, 255, 0, 255];
    const image = rgba([
      [edge, red, red, green(0), green(51), edge],
      [edge, red, red, green(102), green(153), edge],
      [edge, black, clear, blue, blue, edge],
      [edge, clear, black, blue, blue, edge],
    ]);
    const card = photoCard({ channels: 3, height: 2, width: 2, range: [0, 1], mean: [0.5, 0.25, 0], std: [0.5, 0.25, 2] });
    // Blocks in 0–1 (R, G, B): top-left (1, 0, 0); top-right (0.3, 1, 0) — R is the mean of 0, 51, 102, 153;
    // bottom-left (0.5, 0.5, 0.5), two black and two white; bottom-right (0, 0, 1).
    // Then (x − mean) / std: R (x − 0.5)/0.5, G (x − 0.25)/0.25, B x/2, planes in R, G, B order.
    expectTensor(preprocess(image, card), [1, -0.4, 0, -1, -1, 3, 1, -1, 0, 0, 0.25, 0.5]);
  });

  test('crops a tall image to its centre rows and scales to the range', () => {
    const gray = (v: number) => [v, v, v, 255];
    const image = rgba([
      [gray(250), gray(250)],
      [gray(10), gray(20)],
      [gray(30), gray(40)],
      [gray(250), gray(250)],
    ]);
    expectTensor(preprocess(image, photoCard({ channels: 3, height: 1, width: 1, range: [0, 255] })), [25, 25, 25]);
  });

  test('resamples by area when blocks do not align (3 × 3 to 2 × 2), one luminance channel', () => {
    const gray = (v: number) => [v, v, v, 255];
    const image = rgba([
      [0, 90, 180],
      [45, 135, 225],
      [9, 18, 27],
    ].map((row) => row.map(gray)));
    // Each target pixel covers 1.5 × 1.5 source pixels (weights 1, 0.5 and 0.25, over 2.25):
    // top-left (0 + 90/2 + 45/2 + 135/4) / 2.25 = 45, top-right (180 + 90/2 + 225/2 + 135/4) / 2.25 = 165,
    // bottom-left (9 + 18/2 + 45/2 + 135/4) / 2.25 = 33, bottom-right (27 + 18/2 + 225/2 + 135/4) / 2.25 = 81.
    expectTensor(preprocess(image, photoCard({ channels: 1, height: 2, width: 2, range: [0, 255] })), [45, 165, 33, 81]);
  });
});
