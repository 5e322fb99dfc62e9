/// <reference lib="webworker" />
import { checkComplete, ImageInputError, sniffImage } from '../../images/sniff';
import type { Pixels } from '../../models/preprocess';

/** Longest side of the kept original: plenty for 224-px models, small enough to keep thousands. */
export const ORIGINAL_SIDE = 512;
/** Longest side of a thumbnail (shown at 48 CSS px, sharp on a 2× screen). */
export const THUMB_SIDE = 96;

export interface Picture {
  /** The downscaled original as stored (PNG for drawings, JPEG for photos); every embedding is made from it. */
  original: Blob;
  thumb: Blob;
  /** For a PNG original, its pixels (what decoding it gives), so it need not be decoded again at once. */
  pixels?: Pixels;
}

/**
 * A visitor's file (or a camera frame) as the lab keeps it. The file is
 * checked from its bytes, decoded with its EXIF orientation applied, and only
 * then scaled by the decoded (upright) size, so a phone photo stored sideways
 * keeps its proportions.
 */
export async function keepPicture(source: Blob | ImageBitmap, name: string, kind: 'photo' | 'sketch'): Promise<Picture> {
  const bitmap = source instanceof Blob ? await decodeFile(source, name) : source;
  try {
    // JPEG has no transparency: a photo's transparent parts become white, as preprocessing reads them.
    const scaled = draw(bitmap, ORIGINAL_SIDE, kind === 'photo' ? '#fff' : undefined);
    // Both encoded at once: the browser encodes off this thread.
    const [original, thumb] = await Promise.all([
      scaled.convertToBlob(kind === 'photo' ? { type: 'image/jpeg', quality: 0.92 } : { type: 'image/png' }),
      draw(scaled, THUMB_SIDE).convertToBlob({ type: 'image/png' }),
    ]);
    return kind === 'photo' ? { original, thumb } : { original, thumb, pixels: imageData(scaled) };
  } finally {
    bitmap.close();
  }
}

/**
 * A PNG that is already as the lab keeps an original (an example set's
 * picture, made at build time: at most ORIGINAL_SIDE, lossless) kept as it
 * is, not re-encoded, with its thumbnail and decoded pixels; null for any
 * other picture (keepPicture's).
 */
export async function keepAsIs(source: Blob, name: string): Promise<Required<Picture> | null> {
  if (source.type !== 'image/png') return null;
  const bitmap = await decodeFile(source, name);
  try {
    if (Math.max(bitmap.width, bitmap.height) > ORIGINAL_SIDE) return null;
    const thumb = await draw(bitmap, THUMB_SIDE).convertToBlob({ type: 'image/png' });
    return { original: source, thumb, pixels: imageData(bitmap) };
  } finally {
    bitmap.close();
  }
}

/** A thumbnail for an original that came from a saved file (the original itself is kept as it is). */
export async function thumbOf(original: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(original);
  try {
    return await draw(bitmap, THUMB_SIDE).convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}

/** The RGBA pixels of a kept original (decoded the same way every time, so embeddings can be remade exactly). */
export async function pixelsOf(original: Blob): Promise<Pixels> {
  const bitmap = await createImageBitmap(original);
  try {
    return imageData(bitmap);
  } finally {
    bitmap.close();
  }
}

/** A camera frame straight to pixels at most `side` wide or high: no original, no thumbnail. */
export function framePixels(frame: ImageBitmap, side = ORIGINAL_SIDE): Pixels {
  try {
    const canvas = draw(frame, side);
    return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  } finally {
    frame.close();
  }
}

async function decodeFile(file: Blob, name: string): Promise<ImageBitmap> {
  const info = sniffImage(new Uint8Array(await file.slice(0, 65536).arrayBuffer()), name);
  checkComplete(info.kind, new Uint8Array(await file.slice(-1024).arrayBuffer()), name);
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new ImageInputError(`${name} could not be decoded: the file is damaged or truncated.`);
  }
}

function imageData(source: ImageBitmap | OffscreenCanvas): ImageData {
  const canvas = source instanceof OffscreenCanvas ? source : draw(source, Math.max(source.width, source.height));
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
}

/** The picture scaled (never enlarged) so its longer side is at most `side`, on a canvas of that size. */
function draw(source: ImageBitmap | OffscreenCanvas, side: number, background?: string): OffscreenCanvas {
  const scale = Math.min(1, side / Math.max(source.width, source.height));
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(source.width * scale)), Math.max(1, Math.round(source.height * scale)));
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}
