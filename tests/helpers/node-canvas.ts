import sharp from 'sharp';
import { vi } from 'vitest';

/**
 * A Node stand-in, for tests only, for the browser's picture APIs the lab's
 * worker decodes with (src/lib/lab/worker/decode.ts): createImageBitmap
 * (PNG, JPEG and the rest by sharp, EXIF orientation applied), and an
 * OffscreenCanvas whose 2D context does what decode.ts asks of it: fill a
 * background, draw a picture scaled (area-averaged, as a browser's
 * high-quality smoothing roughly does), read the pixels back, and encode PNG
 * or JPEG. Pixels are straight RGBA, as ImageData holds them.
 */
interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export class NodeImageBitmap implements Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
  closed = false;
  constructor(width: number, height: number, data: Uint8ClampedArray) {
    [this.width, this.height, this.data] = [width, height, data];
  }
  close(): void {
    this.closed = true;
  }
}

async function decode(source: Blob, options?: { imageOrientation?: string }): Promise<NodeImageBitmap> {
  if (!(source instanceof Blob)) throw new TypeError('The stand-in createImageBitmap decodes Blobs only.');
  let image = sharp(Buffer.from(await source.arrayBuffer()));
  if (options?.imageOrientation === 'from-image') image = image.rotate();
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return new NodeImageBitmap(info.width, info.height, new Uint8ClampedArray(data.buffer, data.byteOffset, data.length));
}

function parseColor(color: string): [number, number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) throw new Error(`The stand-in canvas reads #rgb and #rrggbb colours only, not ${color}.`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(255) as [number, number, number, number];
}

/** Straight-alpha source-over of one pixel onto the canvas at byte offset `at`. */
function blend(out: Uint8ClampedArray, at: number, r: number, g: number, b: number, a: number): void {
  const sa = a / 255;
  const da = out[at + 3]! / 255;
  const oa = sa + da * (1 - sa);
  if (oa === 0) return void out.fill(0, at, at + 4);
  for (const [i, c] of [r, g, b].entries()) out[at + i] = (c * sa + out[at + i]! * da * (1 - sa)) / oa;
  out[at + 3] = oa * 255;
}

/** Each canvas pixel the average (alpha-weighted) of the source pixels it covers; at least the one under its centre. */
function drawScaled(out: Raster, src: Raster, dx: number, dy: number, dw: number, dh: number): void {
  const sx = src.width / dw;
  const sy = src.height / dh;
  for (let y = 0; y < dh; y++) {
    if (y + dy < 0 || y + dy >= out.height) continue;
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.ceil((y + 1) * sy));
    for (let x = 0; x < dw; x++) {
      if (x + dx < 0 || x + dx >= out.width) continue;
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.ceil((x + 1) * sx));
      let [r, g, b, a, n] = [0, 0, 0, 0, 0];
      for (let v = y0; v < Math.min(y1, src.height); v++) {
        for (let u = x0; u < Math.min(x1, src.width); u++) {
          const at = (v * src.width + u) * 4;
          const w = src.data[at + 3]!;
          [r, g, b, a, n] = [r + src.data[at]! * w, g + src.data[at + 1]! * w, b + src.data[at + 2]! * w, a + w, n + 1];
        }
      }
      if (a > 0) blend(out.data, ((y + dy) * out.width + x + dx) * 4, r / a, g / a, b / a, a / n);
    }
  }
}

class NodeContext2D {
  imageSmoothingQuality = 'low';
  fillStyle = '#000';
  readonly canvas: NodeOffscreenCanvas;
  constructor(canvas: NodeOffscreenCanvas) {
    this.canvas = canvas;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const [r, g, b, a] = parseColor(this.fillStyle);
    const { width, height, data } = this.canvas;
    for (let v = Math.max(0, y); v < Math.min(height, y + h); v++) for (let u = Math.max(0, x); u < Math.min(width, x + w); u++) blend(data, (v * width + u) * 4, r, g, b, a);
  }

  drawImage(source: Raster, dx: number, dy: number, dw = source.width, dh = source.height): void {
    if ((source as NodeImageBitmap).closed) throw new Error('The ImageBitmap was closed.');
    drawScaled(this.canvas, source, Math.round(dx), Math.round(dy), Math.round(dw), Math.round(dh));
  }

  getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray; colorSpace: 'srgb' } {
    const { width, data } = this.canvas;
    const out = new Uint8ClampedArray(w * h * 4);
    for (let v = 0; v < h; v++) out.set(data.subarray(((y + v) * width + x) * 4, ((y + v) * width + x + w) * 4), v * w * 4);
    return { width: w, height: h, data: out, colorSpace: 'srgb' };
  }
}

export class NodeOffscreenCanvas implements Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
  private readonly context = new NodeContext2D(this);
  constructor(width: number, height: number) {
    [this.width, this.height] = [width, height];
    this.data = new Uint8ClampedArray(width * height * 4);
  }

  getContext(kind: string): NodeContext2D | null {
    return kind === '2d' ? this.context : null;
  }

  async convertToBlob(options: { type?: string; quality?: number } = {}): Promise<Blob> {
    const type = options.type ?? 'image/png';
    const raw = sharp(Buffer.from(this.data.buffer, this.data.byteOffset, this.data.length), { raw: { width: this.width, height: this.height, channels: 4 } });
    const bytes = type === 'image/jpeg' ? await raw.flatten({ background: '#000' }).jpeg({ quality: Math.round((options.quality ?? 0.92) * 100) }).toBuffer() : await raw.png().toBuffer();
    return new Blob([new Uint8Array(bytes)], { type: type === 'image/jpeg' ? type : 'image/png' });
  }
}

/** Puts the stand-ins where the worker's code looks for them (undone by vi.unstubAllGlobals). */
export function installNodeCanvas(): void {
  vi.stubGlobal('createImageBitmap', decode);
  vi.stubGlobal('OffscreenCanvas', NodeOffscreenCanvas);
}

/** A picture as an ImageBitmap (for predictFrame), decoded as the worker would. */
export const bitmapOf = (blob: Blob): Promise<NodeImageBitmap> => decode(blob);
