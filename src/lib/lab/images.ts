import { checkComplete, ImageInputError, sniffImage } from '../images/sniff';

/** Largest side a picture is decoded to: plenty for 224-px models, cheap for 24-megapixel photos. */
const MAX_SIDE = 512;

/**
 * A file from the picker (or a drop) as RGBA pixels: checked from its first
 * bytes, then decoded and downscaled by the browser (createImageBitmap with
 * resize), so a large photo costs little.
 */
export async function fileToPixels(file: File): Promise<ImageData> {
  const info = sniffImage(new Uint8Array(await file.slice(0, 65536).arrayBuffer()), file.name);
  checkComplete(info.kind, new Uint8Array(await file.slice(-1024).arrayBuffer()), file.name);
  let bitmap: ImageBitmap;
  try {
    // With the size from the header, the browser decodes straight to the small size.
    const { width = MAX_SIDE, height = MAX_SIDE } = info;
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    bitmap =
      scale < 1
        ? await createImageBitmap(file, { resizeWidth: Math.max(1, Math.round(width * scale)), resizeHeight: Math.max(1, Math.round(height * scale)), resizeQuality: 'high' })
        : await createImageBitmap(file);
  } catch {
    throw new ImageInputError(`${file.name} could not be decoded: the file is damaged or truncated.`);
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** Files dropped on `target`, or pasted while it (or something in it) has focus, go to `onFiles`. */
export function acceptDroppedAndPastedFiles(target: HTMLElement, onFiles: (files: File[]) => void): void {
  target.addEventListener('dragover', (event) => event.preventDefault());
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    onFiles([...(event.dataTransfer?.files ?? [])]);
  });
  target.addEventListener('paste', (event) => {
    const pasted = [...(event.clipboardData?.files ?? [])];
    if (pasted.length === 0) return;
    event.preventDefault();
    onFiles(pasted);
  });
}
