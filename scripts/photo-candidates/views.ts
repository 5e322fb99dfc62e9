import type { Pixels } from '../../src/lib/models/pixels.ts';

/**
 * The views of a picture that test-time augmentation averages over (issue 24,
 * item 2): the picture itself, its mirror, and crops of it. Each is a new
 * RGBA picture that then goes through the model's one preprocessing, as a
 * photo the lab was given would.
 */
export type View = 'full' | 'flip' | 'centre' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
export const CROPS: readonly View[] = ['centre', 'top-left', 'top-right', 'bottom-left', 'bottom-right'];
/** A crop's side as a fraction of the picture's (7/8, as in the ten-crop evaluations' 224 of 256). */
export const CROP_FRACTION = 0.875;

function mirrored(p: Pixels): Pixels {
  const data = new Uint8ClampedArray(p.data.length);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const from = (y * p.width + x) * 4;
      const to = (y * p.width + (p.width - 1 - x)) * 4;
      for (let k = 0; k < 4; k++) data[to + k] = p.data[from + k]!;
    }
  }
  return { width: p.width, height: p.height, data };
}

function cropped(p: Pixels, view: View): Pixels {
  const w = Math.round(p.width * CROP_FRACTION);
  const h = Math.round(p.height * CROP_FRACTION);
  const left = view === 'centre' ? Math.floor((p.width - w) / 2) : view.endsWith('left') ? 0 : p.width - w;
  const top = view === 'centre' ? Math.floor((p.height - h) / 2) : view.startsWith('top') ? 0 : p.height - h;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) data.set(p.data.subarray(((top + y) * p.width + left) * 4, ((top + y) * p.width + left + w) * 4), y * w * 4);
  return { width: w, height: h, data };
}

export function viewOf(p: Pixels, view: View): Pixels {
  if (view === 'full') return p;
  if (view === 'flip') return mirrored(p);
  return cropped(p, view);
}
