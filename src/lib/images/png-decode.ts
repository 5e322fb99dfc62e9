import { unzlibSync } from 'fflate';
import type { Pixels } from '../models/pixels.ts';

/**
 * A PNG decoded to RGBA in plain TypeScript, for the evaluation data sets'
 * sheets in the browser. Node reads the same files with pngjs; a browser's
 * own decoder (createImageBitmap, <img>) may colour-manage or premultiply, so
 * it could hand the model other pixels than Node did. PNG is lossless and
 * this decoder applies no gamma or colour profile, as pngjs does not: the
 * bytes match pngjs's to the last one (tests/unit/png-decode.test.ts checks
 * every sheet under datasets/). Non-interlaced, 8-bit grey, RGB and RGBA, and
 * palettes of 1, 2, 4 or 8 bits (with tRNS) — what the data sets use.
 */

export class PngError extends Error {
  override name = 'PngError';
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** Samples per pixel of each colour type PNG defines. */
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Header {
  width: number;
  height: number;
  depth: number;
  colour: number;
}

function readChunks(bytes: Uint8Array): { header: Header; palette?: Uint8Array; alpha?: Uint8Array; data: Uint8Array } {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new PngError('Not a PNG file: its first eight bytes are not the PNG signature.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let alpha: Uint8Array | undefined;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new PngError(`The PNG is cut short inside its ${type} chunk.`);
    if (type === 'IHDR') {
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: body[8]!, colour: body[9]! };
      if (body[12] !== 0) throw new PngError('Interlaced PNGs are not supported here; the data sets are stored without interlacing.');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alpha = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header) throw new PngError('The PNG has no IHDR chunk.');
  const data = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  idat.reduce((offset, c) => (data.set(c, offset), offset + c.length), 0);
  return { header, palette, alpha, data };
}

/** The five PNG row filters undone in place (the spec's section 9). */
function unfilter(raw: Uint8Array, height: number, rowBytes: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    const src = raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    const row = y * rowBytes;
    const up = (x: number) => (y > 0 ? out[row - rowBytes + x]! : 0);
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = up(x);
      const c = x >= bpp ? (y > 0 ? out[row - rowBytes + x - bpp]! : 0) : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new PngError(`Row ${y} has an unknown filter type ${filter}.`);
      out[row + x] = (src[x]! + predicted) & 0xff;
    }
  }
  return out;
}

/** A PNG file's pixels as RGBA, 4 bytes per pixel: as pngjs's PNG.sync.read gives them. */
export function decodePng(bytes: Uint8Array): Pixels {
  const { header, palette, alpha, data } = readChunks(bytes);
  const { width, height, depth, colour } = header;
  const samples = SAMPLES[colour];
  const supported = samples !== undefined && (colour === 3 ? [1, 2, 4, 8].includes(depth) : depth === 8);
  if (!supported) throw new PngError(`PNG colour type ${colour} at ${depth} bits is not supported here (8-bit grey, RGB, RGBA, or a palette).`);
  if (colour === 3 && !palette) throw new PngError('The PNG has a palette colour type but no PLTE chunk.');
  const rowBytes = Math.ceil((width * samples * depth) / 8);
  let raw: Uint8Array;
  try {
    raw = unzlibSync(data);
  } catch (error) {
    throw new PngError(`The PNG's image data does not inflate: ${(error as Error).message}.`);
  }
  if (raw.length < height * (rowBytes + 1)) throw new PngError(`The PNG's image data holds ${raw.length} bytes; ${width} × ${height} needs ${height * (rowBytes + 1)}.`);
  const rows = unfilter(raw, height, rowBytes, Math.max(1, (samples * depth) >> 3));
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const p = y * rowBytes + x * samples;
      if (colour === 3) {
        const bit = x * depth;
        const index = (rows[y * rowBytes + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
        out[o] = palette![index * 3]!;
        out[o + 1] = palette![index * 3 + 1]!;
        out[o + 2] = palette![index * 3 + 2]!;
        out[o + 3] = alpha && index < alpha.length ? alpha[index]! : 255;
      } else if (colour === 0 || colour === 4) {
        out[o] = out[o + 1] = out[o + 2] = rows[p]!;
        out[o + 3] = colour === 4 ? rows[p + 1]! : 255;
      } else {
        out[o] = rows[p]!;
        out[o + 1] = rows[p + 1]!;
        out[o + 2] = rows[p + 2]!;
        out[o + 3] = colour === 6 ? rows[p + 3]! : 255;
      }
    }
  }
  return { width, height, data: out };
}
