/// <reference lib="webworker" />

/**
 * An example as IndexedDB keeps it: its pictures as bytes and type, not as
 * Blobs. WebKitGTK 2.50's worker cannot put a Blob in IndexedDB: the
 * transaction aborts with no error (a probe in WebKit: strings, typed arrays
 * and ArrayBuffers commit; a Blob, alone or in an object, aborts), so nothing
 * the lab was given was kept in Safari's engine. Labs saved with Blobs before
 * are read as they are.
 */
/** An example as the lab holds it in memory. */
export interface StoredExample {
  original: Blob;
  thumb: Blob;
  /** Per model id. */
  embeddings: Record<string, Float32Array>;
}

interface PictureBytes {
  bytes: ArrayBuffer;
  type: string;
}

export interface ExampleRecord {
  original: PictureBytes | Blob;
  thumb: PictureBytes | Blob;
  embeddings: Record<string, Float32Array>;
}

const bytesOf = async (picture: Blob): Promise<PictureBytes> => ({ bytes: await picture.arrayBuffer(), type: picture.type });
const pictureOf = (kept: PictureBytes | Blob): Blob => (kept instanceof Blob ? kept : new Blob([kept.bytes], { type: kept.type }));

/** Read before the transaction that writes it: an IndexedDB transaction ends when it waits on anything but its own requests. */
export async function exampleRecord({ original, thumb, embeddings }: StoredExample): Promise<ExampleRecord> {
  return { original: await bytesOf(original), thumb: await bytesOf(thumb), embeddings };
}

export function storedExample({ original, thumb, embeddings }: ExampleRecord): StoredExample {
  return { original: pictureOf(original), thumb: pictureOf(thumb), embeddings };
}
