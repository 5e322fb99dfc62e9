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
