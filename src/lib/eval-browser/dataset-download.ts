import { decodePng } from '../images/png-decode.ts';
import type { Pixels } from '../models/pixels.ts';
import { sheetLayout, type Dataset } from '../eval/sheet-datasets.ts';

/**
 * A data set of datasets/<id>/ downloaded from the site (src/pages/datasets/),
 * checked against the SHA-256 that the published run's stamp gives it, and
 * built as the Node harness builds it (sheet-datasets.ts) from sheets decoded
 * by png-decode.ts, which gives pngjs's bytes.
 */
export interface DatasetSource {
  id: string;
  /** The files as the stamp lists them (paths inside datasets/<id>/). */
  files: readonly string[];
  /** The stamp's SHA-256 over the files (src/lib/results/hashes.ts: sha256sum's lines, hashed again). */
  sha256: string;
}

export type ByteProgress = (loaded: number, total: number) => void;

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One file's bytes, read as they arrive so the page can show progress. */
async function fetchBytes(url: string, onChunk: (bytes: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`${url} could not be downloaded: the connection failed (${(error as Error).message}).`);
  }
  if (!response.ok || !response.body) throw new Error(`${url} could not be downloaded: HTTP ${response.status}.`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onChunk(value.length);
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((offset, c) => (bytes.set(c, offset), offset + c.length), 0);
  return bytes;
}

/** The data set's one SHA-256 as hashes.ts makes it: "<hex>  <file>\n" per file in code-point order, hashed again. */
export async function datasetSha256(files: ReadonlyMap<string, Uint8Array<ArrayBuffer>>): Promise<string> {
  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = await Promise.all(names.map(async (name) => `${await sha256Hex(files.get(name)!)}  ${name}\n`));
  return sha256Hex(new TextEncoder().encode(lines.join('')));
}

/**
 * Downloads every file of the data set from `base`datasets/<id>/, refuses it
 * unless its SHA-256 is the published run's, and builds the data set.
 * `totalBytes` is what the page announced, for the progress bar.
 */
export async function downloadDataset(base: string, source: DatasetSource, totalBytes: number, onProgress: ByteProgress): Promise<Dataset> {
  const layout = sheetLayout(source.id);
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  let loaded = 0;
  for (const file of source.files) {
    files.set(file, await fetchBytes(`${base}datasets/${source.id}/${file}`, (n) => onProgress((loaded += n), totalBytes)));
  }
  const got = await datasetSha256(files);
  if (got !== source.sha256) {
    throw new Error(`The site's ${source.id} (SHA-256 ${got.slice(0, 12)}…) is not the data set the published row was measured on (${source.sha256.slice(0, 12)}…), so it was not run.`);
  }
  const index = files.get('index.json');
  if (!index) throw new Error(`${source.id} has no index.json among its files.`);
  const decoded = new Map<string, Pixels>();
  const read = (file: string): Pixels => {
    let pixels = decoded.get(file);
    if (!pixels) {
      const bytes = files.get(file);
      if (!bytes) throw new Error(`${source.id}'s index names ${file}, which is not among its files.`);
      decoded.set(file, (pixels = decodePng(bytes)));
    }
    return pixels;
  };
  return layout.build(JSON.parse(new TextDecoder().decode(index)), read);
}
