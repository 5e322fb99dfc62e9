/// <reference lib="webworker" />
import { inflateSync, strFromU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * Zip files for the lab, written and read without holding them whole in
 * memory. Writing streams through fflate's Zip (pictures stored as they are:
 * PNG and JPEG are compressed already; text deflated), folding the output
 * into Blob parts as it goes. Reading uses the zip's central directory (at
 * its end) and slices the Blob for each entry, so a stored picture is never
 * copied and one deflated entry at a time is inflated — which also reads
 * zips whose entries carry their sizes after the data (as streaming writers,
 * fflate's included, make them). Zip64 (over 65,535 entries or 4 GB) is not
 * read.
 */
export interface ZipSource {
  path: string;
  /** A picture (stored) or text (deflated). */
  data: Blob | string;
}

/** Output bytes gathered before they are folded into a Blob part (keeps the heap small for big exports). */
const FOLD_BYTES = 8 << 20;

export async function writeZip(files: Iterable<ZipSource>, onProgress?: (done: number) => void): Promise<Blob> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let failure: Error | undefined;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= FOLD_BYTES || final) {
      parts.push(new Blob(pending as BlobPart[]));
      [pending, pendingBytes] = [[], 0];
    }
    finished ||= final;
  });
  let done = 0;
  for (const { path, data } of files) {
    if (typeof data === 'string') {
      const entry = new ZipDeflate(path, { level: 6 });
      zip.add(entry);
      entry.push(new TextEncoder().encode(data), true);
    } else {
      const entry = new ZipPassThrough(path);
      zip.add(entry);
      entry.push(new Uint8Array(await data.arrayBuffer()), true);
    }
    if (failure) throw failure;
    onProgress?.(++done);
  }
  zip.end();
  if (failure || !finished) throw failure ?? new Error('The zip could not be finished.');
  return new Blob(parts, { type: 'application/zip' });
}

export interface ZipEntry {
  path: string;
  /** The entry's bytes as a Blob of `type` (a slice of the zip when stored). */
  read(type?: string): Promise<Blob>;
}

export class ZipReadError extends Error {
  override name = 'ZipReadError';
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The zip's files (folders left out), in the order of its directory. */
export async function readZip(zip: Blob, name: string): Promise<ZipEntry[]> {
  // The end record is in the last 22 bytes, or before a comment of at most 65,535.
  const tail = new DataView(await zip.slice(Math.max(0, zip.size - 65557)).arrayBuffer());
  let end = tail.byteLength - 22;
  while (end >= 0 && tail.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new ZipReadError(`${name} is not a zip file (or it is cut short).`);
  const count = tail.getUint16(end + 10, true);
  const size = tail.getUint32(end + 12, true);
  const offset = tail.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipReadError(`${name} is a Zip64 archive (over 65,535 files or 4 GB); split it into smaller zips.`);
  const directory = new DataView(await zip.slice(offset, offset + size).arrayBuffer());
  const bytes = new Uint8Array(directory.buffer);
  const entries: ZipEntry[] = [];
  for (let at = 0, i = 0; i < count; i++) {
    if (at + 46 > bytes.length || directory.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipReadError(`${name} is damaged: its list of files ends early.`);
    const method = directory.getUint16(at + 10, true);
    const compressed = directory.getUint32(at + 20, true);
    const nameLength = directory.getUint16(at + 28, true);
    const extra = directory.getUint16(at + 30, true) + directory.getUint16(at + 32, true);
    const local = directory.getUint32(at + 42, true);
    // Names are read as UTF-8 whether or not the flag says so: the writers pictures come from use it.
    const path = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra;
    if (path.endsWith('/')) continue;
    entries.push({ path, read: (type = '') => readEntry(zip, name, path, local, compressed, method, type) });
  }
  return entries;
}

async function readEntry(zip: Blob, name: string, path: string, local: number, compressed: number, method: number, type: string): Promise<Blob> {
  const header = new DataView(await zip.slice(local, local + 30).arrayBuffer());
  if (header.byteLength < 30 || header.getUint32(0, true) !== 0x04034b50) throw new ZipReadError(`${name} is damaged at ${path}.`);
  const start = local + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const data = zip.slice(start, start + compressed, type);
  if (method === 0) return data;
  if (method !== 8) throw new ZipReadError(`${path} in ${name} is compressed in a way the lab cannot read (method ${method}).`);
  try {
    return new Blob([inflateSync(new Uint8Array(await data.arrayBuffer())) as BlobPart], { type });
  } catch {
    throw new ZipReadError(`${path} in ${name} is damaged.`);
  }
}
