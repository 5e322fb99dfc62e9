import { resampleArea } from './resample.ts';
import { inkOf, inkToTensor } from './ink.ts';
import { PreprocessError, type Pixels } from './pixels.ts';
import type { ModelCard } from './card.ts';

/**
 * Turning a picture into a model's input tensor — the one implementation used
 * by the browser (lab), the evaluation harness and (as a tested numpy port in
 * training/preprocess.py) the training scripts. Pure TypeScript over RGBA
 * pixels, so it runs the same in a Web Worker and in Node.
 */
export { resampleArea } from './resample.ts';
export { INK_THRESHOLD, inkOf, inkToTensor } from './ink.ts';
export { PreprocessError, type Pixels } from './pixels.ts';

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

/** White ink on black, cropped to the ink, longer side scaled to fit inside the margin, centred. */
function sketchTensor(pixels: Pixels, card: ModelCard): Float32Array {
  const { height, width, range, crop } = card.input;
  if (height !== width) throw new PreprocessError(`Sketch models need a square input; this card says ${width} × ${height}.`);
  const tensor = inkToTensor(inkOf(pixels), pixels.width, pixels.height, width, crop?.margin ?? 0);
  if (range[1] !== 1) for (let i = 0; i < tensor.length; i++) tensor[i]! *= range[1];
  return normalizeChannels(tensor, 1, card);
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
