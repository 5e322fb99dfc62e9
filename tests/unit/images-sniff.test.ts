import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { ImageInputError, MAX_PIXELS, sniffImage } from '../../src/lib/images/sniff';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const png = (width: number, height: number) => new Uint8Array(PNG.sync.write(new PNG({ width, height })));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('sniffImage', () => {
  test('reads the kind and size of a real PNG, 1 × 1 included', () => {
    expect(sniffImage(png(3, 2))).toEqual({ kind: 'png', width: 3, height: 2 });
    expect(sniffImage(png(1, 1))).toEqual({ kind: 'png', width: 1, height: 1 });
  });

  test('reads a JPEG size from its start-of-frame segment, after other segments', () => {
    const app0 = bytes([0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
    const jpeg = bytes([0xff, 0xd8], [...app0], sof0);
    expect(sniffImage(jpeg)).toEqual({ kind: 'jpeg', height: 480, width: 640 });
  });

  test('reads GIF and WebP sizes', () => {
    expect(sniffImage(bytes('GIF89a', [10, 0, 20, 0], [0, 0, 0]))).toEqual({ kind: 'gif', width: 10, height: 20 });
    const webp = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [10, 0, 0, 0], [0, 0, 0, 0], [99, 0, 0], [49, 0, 0]);
    expect(sniffImage(webp)).toEqual({ kind: 'webp', width: 100, height: 50 });
  });

  test('refuses a picture whose header announces more than the pixel limit, before decoding it', () => {
    const bomb = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR', be32(20000), be32(20000), [8, 6, 0, 0, 0]);
    expect(() => sniffImage(bomb, 'huge.png')).toThrow(/huge\.png is 20000 × 20000 pixels \(400 megapixels\); the lab opens pictures up to 50 megapixels/);
    expect(MAX_PIXELS).toBe(50_000_000);
  });

  test('names what is wrong with files that are not usable images', () => {
    expect(() => sniffImage(new Uint8Array(0), 'empty.jpg')).toThrow(/empty\.jpg is empty \(0 bytes\)/);
    expect(() => sniffImage(bytes('hello, I am text'), 'notes.jpg')).toThrow(/notes\.jpg is not an image the lab can read .* whatever its name says/);
    expect(() => sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg')).toThrow(/SVG files can carry scripts/);
    expect(() => sniffImage(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), 'IMG_0001.HEIC')).toThrow(/HEIC\/HEIF photo, which browsers cannot decode/);
    expect(() => sniffImage(bytes('GIF89a', [0, 0, 5, 0], [0]), 'zero.gif')).toThrow(/0 × 5 pixels: it holds no picture/);
  });

  test('accepts a truncated PNG by its signature (decoding will report the damage)', () => {
    expect(sniffImage(png(4, 4).subarray(0, 12))).toEqual({ kind: 'png' });
  });

  test('throws ImageInputError', () => {
    expect(() => sniffImage(new Uint8Array(0))).toThrow(ImageInputError);
  });
});
