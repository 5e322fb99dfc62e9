import type { ModelCard } from './card.ts';

/**
 * Turning a picture into a model's input tensor — the one implementation used
 * by the browser (lab), the evaluation harness and (as a tested numpy port in
 * training/preprocess.py) the training scripts. Pure TypeScript over RGBA
 * pixels, so it runs the same in a Web Worker and in Node.
 */
export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major (ImageData's layout). */
  data: Uint8ClampedArray | Uint8Array;
}

export class PreprocessError extends Error {
  override name = 'PreprocessError';
}

/** Ink below this (on a 0–1 scale) is background when finding the drawing's bounding box. */
export const INK_THRESHOLD = 0.2;

export function preprocess(pixels: Pixels, card: ModelCard): Float32Array {
  checkPixels(pixels);
  return card.input.ink ? sketchTensor(pixels, card) : photoTensor(pixels, card);
}

function checkPixels(pixels: Pixels): void {
  if (!(pixels.width > 0 && pixels.height > 0)) throw new PreprocessError(`The image has no pixels (${pixels.width} × ${pixels.height}).`);
  if (pixels.data.length !== pixels.width * pixels.height * 4) {
    throw new PreprocessError(`Expected ${pixels.width * pixels.height * 4} RGBA bytes for ${pixels.width} × ${pixels.height}, got ${pixels.data.length}.`);
  }
}

/** Luminance in 0–1 of each pixel, composited over white (a transparent canvas reads as paper). */
function luminance(pixels: Pixels): Float32Array {
  const out = new Float32Array(pixels.width * pixels.height);
  const d = pixels.data;
  for (let i = 0; i < out.length; i++) {
    const alpha = d[i * 4 + 3]! / 255;
    const y = (0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!) / 255;
    out[i] = alpha * y + (1 - alpha);
  }
  return out;
}

/**
 * Ink in 0–1, whichever way round the picture is: a light border means dark
 * ink on paper (inverted), a dark border means light ink on a dark ground.
 */
export function inkOf(pixels: Pixels): Float32Array {
  const y = luminance(pixels);
  const { width, height } = pixels;
  let border = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    border += y[x]! + y[(height - 1) * width + x]!;
    count += 2;
  }
  for (let r = 1; r < height - 1; r++) {
    border += y[r * width]! + y[r * width + width - 1]!;
    count += 2;
  }
  const lightGround = border / count > 0.5;
  return lightGround ? y.map((v) => 1 - v) : y;
}

/**
 * Area-weighted resampling of a single-channel image (box filter): each
 * target pixel is the exact average of the source area it covers.
 */
export function resampleArea(src: Float32Array, sw: number, sh: number, tw: number, th: number): Float32Array {
  const rows = new Float32Array(sh * tw);
  for (let r = 0; r < sh; r++) resample1d(src, r * sw, 1, sw, rows, r * tw, 1, tw);
  const out = new Float32Array(th * tw);
  for (let c = 0; c < tw; c++) resample1d(rows, c, tw, sh, out, c, tw, th);
  return out;
}

function resample1d(src: Float32Array, srcOffset: number, srcStride: number, n: number, dst: Float32Array, dstOffset: number, dstStride: number, m: number): void {
  const scale = n / m;
  for (let j = 0; j < m; j++) {
    const start = j * scale;
    const end = start + scale;
    let sum = 0;
    for (let i = Math.floor(start); i < Math.min(Math.ceil(end), n); i++) {
      const overlap = Math.min(end, i + 1) - Math.max(start, i);
      sum += src[srcOffset + i * srcStride]! * overlap;
    }
    dst[dstOffset + j * dstStride] = sum / scale;
  }
}

/** White ink on black, cropped to the ink, longer side scaled to fit inside the margin, centred. */
function sketchTensor(pixels: Pixels, card: ModelCard): Float32Array {
  const { height, width, range, crop } = card.input;
  if (height !== width) throw new PreprocessError(`Sketch models need a square input; this card says ${width} × ${height}.`);
  const tensor = inkToTensor(inkOf(pixels), pixels.width, pixels.height, width, crop?.margin ?? 0);
  if (range[1] !== 1) for (let i = 0; i < tensor.length; i++) tensor[i]! *= range[1];
  return normalizeChannels(tensor, 1, card);
}

/**
 * The sketch rule on an ink map (0–1, white on black): crop to the pixels above
 * INK_THRESHOLD, scale the longer side to size − 2·margin by area resampling,
 * centre on a size × size black square. training/preprocess.py is its port.
 */
export function inkToTensor(ink: Float32Array, inkWidth: number, inkHeight: number, size: number, margin: number): Float32Array {
  let [left, top, right, bottom] = [inkWidth, inkHeight, -1, -1];
  for (let r = 0; r < inkHeight; r++) {
    for (let c = 0; c < inkWidth; c++) {
      if (ink[r * inkWidth + c]! > INK_THRESHOLD) {
        left = Math.min(left, c);
        right = Math.max(right, c);
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
      }
    }
  }
  if (right < 0) throw new PreprocessError('The drawing is empty: no ink was found.');
  const cw = right - left + 1;
  const ch = bottom - top + 1;
  const cropped = new Float32Array(cw * ch);
  for (let r = 0; r < ch; r++) cropped.set(ink.subarray((top + r) * inkWidth + left, (top + r) * inkWidth + left + cw), r * cw);
  const box = size - 2 * margin;
  const scale = box / Math.max(cw, ch);
  const tw = Math.max(1, Math.round(cw * scale));
  const th = Math.max(1, Math.round(ch * scale));
  const resized = resampleArea(cropped, cw, ch, tw, th);
  const out = new Float32Array(size * size);
  const x0 = Math.floor((size - tw) / 2);
  const y0 = Math.floor((size - th) / 2);
  for (let r = 0; r < th; r++) for (let c = 0; c < tw; c++) out[(y0 + r) * size + x0 + c] = Math.min(1, resized[r * tw + c]!);
  return out;
}

/** Centre crop to the model's aspect ratio, area-resample, RGB planes, range and mean/std. */
function photoTensor(pixels: Pixels, card: ModelCard): Float32Array {
  const { height, width, channels, range } = card.input;
  const targetRatio = width / height;
  let cw = pixels.width;
  let ch = pixels.height;
  if (cw / ch > targetRatio) cw = Math.max(1, Math.round(ch * targetRatio));
  else ch = Math.max(1, Math.round(cw / targetRatio));
  const left = Math.floor((pixels.width - cw) / 2);
  const top = Math.floor((pixels.height - ch) / 2);
  const out = new Float32Array(channels * height * width);
  // Every plane in one pass over the pixels (a live camera frame's preprocessing is on the verdict's path).
  const planes = Array.from({ length: channels === 3 ? 3 : 1 }, () => new Float32Array(cw * ch));
  const d = pixels.data;
  for (let r = 0; r < ch; r++) {
    for (let c = 0; c < cw; c++) {
      const p = ((top + r) * pixels.width + left + c) * 4;
      const alpha = d[p + 3]! / 255;
      const i = r * cw + c;
      if (channels === 3) {
        for (let k = 0; k < 3; k++) planes[k]![i] = (alpha * d[p + k]! + (1 - alpha) * 255) / 255;
      } else {
        planes[0]![i] = (alpha * (0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!) + (1 - alpha) * 255) / 255;
      }
    }
  }
  const size = height * width;
  planes.forEach((plane, index) => {
    const resized = resampleArea(plane, cw, ch, width, height);
    for (let i = 0; i < size; i++) out[index * size + i] = resized[i]! * range[1];
  });
  return normalizeChannels(out, channels, card);
}

function normalizeChannels(tensor: Float32Array, channels: number, card: ModelCard): Float32Array {
  const { mean, std, height, width } = card.input;
  if (!mean && !std) return tensor;
  const size = height * width;
  for (let c = 0; c < channels; c++) {
    const m = mean?.[c] ?? 0;
    const s = std?.[c] ?? 1;
    for (let i = c * size; i < (c + 1) * size; i++) tensor[i] = (tensor[i]! - m) / s;
  }
  return tensor;
}
