import { PreprocessError, type Pixels } from './pixels.ts';
import { resampleArea } from './resample.ts';

/** Drawings as ink: which way round a picture is, and the sketch models' crop-and-centre rule. */

/** Ink below this (on a 0–1 scale) is background when finding the drawing's bounding box. */
export const INK_THRESHOLD = 0.2;

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
