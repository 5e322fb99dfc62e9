/**
 * What a file a visitor drops really is, read from its first bytes — not from
 * its name or the browser's guess — and how large the picture would be once
 * decoded. Runs before any decoding, so a text file named .jpg, an SVG with a
 * script, a HEIC the browser cannot read or a 20000 × 20000 bomb gets a clear
 * message and costs nothing.
 */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';

export interface ImageInfo {
  kind: ImageKind;
  /** Picture size from the header, when the format states it there. */
  width?: number;
  height?: number;
}

export class ImageInputError extends Error {
  override name = 'ImageInputError';
}

/** Decoding above this many pixels is refused (a 24-megapixel photo is 24e6). */
export const MAX_PIXELS = 50_000_000;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const i32le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);

/** The size in a JPEG's first start-of-frame segment. */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    i += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): { width: number; height: number } | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) return { width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return undefined;
}

/**
 * Identifies a raster image from its first bytes (at least 32 are needed; more
 * for JPEG, whose size can sit after metadata) and reads its size where the
 * header gives it. Throws ImageInputError with a message for the visitor.
 */
export function sniffImage(bytes: Uint8Array, fileName = 'This file'): ImageInfo {
  if (bytes.length === 0) throw new ImageInputError(`${fileName} is empty (0 bytes).`);
  let info: ImageInfo | undefined;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    info = bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR' ? { kind: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) } : { kind: 'png' };
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    info = { kind: 'jpeg', ...jpegSize(bytes) };
  } else if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') {
    info = { kind: 'gif', width: u16le(bytes, 6), height: u16le(bytes, 8) };
  } else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    info = { kind: 'webp', ...webpSize(bytes) };
  } else if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) {
    info = { kind: 'bmp', width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
  } else if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') info = { kind: 'avif' };
    else if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
      throw new ImageInputError(`${fileName} is a HEIC/HEIF photo, which browsers cannot decode. Export it as JPEG or PNG (on an iPhone: Settings › Camera › Formats › Most Compatible).`);
    }
  } else if (/^\s*(<\?xml|<svg|<!doctype svg)/i.test(ascii(bytes, 0, Math.min(bytes.length, 64)))) {
    throw new ImageInputError(`${fileName} is an SVG drawing. SVG files can carry scripts, so the lab does not open them; export it as PNG.`);
  }
  if (!info) throw new ImageInputError(`${fileName} is not an image the lab can read (PNG, JPEG, GIF, WebP, BMP or AVIF), whatever its name says.`);
  if (info.width !== undefined && info.height !== undefined) {
    if (info.width === 0 || info.height === 0) throw new ImageInputError(`${fileName} says it is ${info.width} × ${info.height} pixels: it holds no picture.`);
    if (info.width * info.height > MAX_PIXELS) {
      throw new ImageInputError(`${fileName} is ${info.width} × ${info.height} pixels (${Math.round((info.width * info.height) / 1e6)} megapixels); the lab opens pictures up to ${MAX_PIXELS / 1e6} megapixels.`);
    }
  }
  return info;
}

/**
 * Whether a file of this kind ends as a complete one does (PNG: the IEND chunk;
 * JPEG: the end-of-image marker, possibly followed by padding; GIF: its trailer
 * byte). Browsers decode a cut-off file without complaint, painting the missing
 * part grey, so truncation is caught here. `tail` is the file's last bytes (up to 1 KB).
 */
export function checkComplete(kind: ImageKind, tail: Uint8Array, fileName = 'This file'): void {
  const last = tail.length;
  let complete = true;
  if (kind === 'png') complete = last >= 8 && ascii(tail, last - 8, 4) === 'IEND';
  if (kind === 'jpeg') complete = tail.some((b, i) => b === 0xff && tail[i + 1] === 0xd9);
  if (kind === 'gif') complete = tail.includes(0x3b);
  if (!complete) throw new ImageInputError(`${fileName} could not be decoded: the file is damaged or truncated.`);
}
