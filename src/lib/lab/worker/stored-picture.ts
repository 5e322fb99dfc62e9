/// <reference lib="webworker" />
import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * An example as IndexedDB keeps it. Where the browser's IndexedDB keeps a
 * Blob, the pictures stay Blobs: read back, they are handles to the stored
 * bytes, not the bytes (a 10,000-picture lab resumed in 2.5 s with Blobs and
 * 12.8 s with bytes, bench:lab --bulk, and held every picture in memory).
 * WebKitGTK 2.50's worker cannot put a Blob in IndexedDB: the transaction
 * aborts with no error (a probe in WebKit: strings, typed arrays and
 * ArrayBuffers commit; a Blob, alone or in an object, aborts), so nothing the
 * lab was given was kept in Safari's engine. There the pictures go as bytes
 * and type. Each worker asks once, with a one-byte Blob. Both read back.
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

/** Made before the transaction that writes it (an IndexedDB transaction ends when it waits on anything but its own requests): as it is where Blobs are kept, else as bytes. */
export async function exampleRecord(example: StoredExample, blobsKept: boolean): Promise<ExampleRecord> {
  const { original, thumb, embeddings } = example;
  return blobsKept ? example : { original: await bytesOf(original), thumb: await bytesOf(thumb), embeddings };
}

/** Whether this browser's IndexedDB keeps a Blob: a one-byte Blob put and deleted in one transaction, which commits, or aborts (WebKitGTK's worker). */
export async function keepsBlobs(store: UseStore): Promise<boolean> {
  return store('readwrite', async (objects) => {
    objects.put(new Blob([new Uint8Array([0])]), BLOB_PROBE);
    objects.delete(BLOB_PROBE);
    await promisifyRequest(objects.transaction);
  }).then(
    () => true,
    () => false,
  );
}
const BLOB_PROBE = 'blob-probe';

export function storedExample({ original, thumb, embeddings }: ExampleRecord): StoredExample {
  return { original: pictureOf(original), thumb: pictureOf(thumb), embeddings };
}
