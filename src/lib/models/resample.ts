/** Resampling of single-channel images without a canvas: the same numbers in the worker, the page and Node. */

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
