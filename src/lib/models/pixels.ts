/** Pictures as the preprocessing reads them, and the error it throws. */
export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major (ImageData's layout). */
  data: Uint8ClampedArray | Uint8Array;
}

export class PreprocessError extends Error {
  override name = 'PreprocessError';
}
