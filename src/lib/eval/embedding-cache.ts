import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import type { Embedder } from '../inference/embedder.ts';
import { preprocess } from '../models/preprocess.ts';
import type { Dataset } from './datasets-node.ts';

/**
 * A data set's embeddings kept on disk (training/cache/embeddings/, ignored by
 * git) as they are made, batch by batch, so that a long embedding can be split
 * over several runs: the photo network takes about 23 minutes for the 13,088
 * test glyphs on one thread, and a run stopped part-way (`timeout`) resumes
 * where it stopped. The key must name everything the numbers depend on; the
 * evaluation scripts use one only on a clean tree, keyed by the commit and the
 * model's and data set's SHA-256 (src/lib/results/stamp.ts).
 */
const DIR = new URL('../../../training/cache/embeddings/', import.meta.url);
const BATCH = 64;

export async function embedResumable(dataset: Dataset, embedder: Embedder, key: string, log: (message: string) => void = () => {}): Promise<Float32Array> {
  const dim = embedder.card.output.dim;
  const file = new URL(`${key}.f32`, DIR);
  mkdirSync(DIR, { recursive: true });
  const rowBytes = dim * 4;
  // A batch cut short by a kill leaves a partial row: drop it.
  let done = existsSync(file) ? Math.floor(statSync(file).size / rowBytes) : 0;
  if (existsSync(file) && statSync(file).size !== done * rowBytes) truncateSync(file, done * rowBytes);
  done = Math.min(done, dataset.size);
  if (done > 0) log(`${key}: ${done} of ${dataset.size} embeddings already on disk`);
  const started = Date.now();
  for (let start = done; start < dataset.size; start += BATCH) {
    const inputs = [];
    for (let i = start; i < Math.min(dataset.size, start + BATCH); i++) inputs.push(preprocess(dataset.image(i), embedder.card));
    const { data } = await embedder.embed(inputs);
    appendFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const now = start + inputs.length;
    if (Math.floor(now / 1024) > Math.floor(start / 1024) || now === dataset.size) {
      log(`${key}: ${now} of ${dataset.size} embedded (${((Date.now() - started) / 1000 / (now - done)).toFixed(3)} s each)`);
    }
  }
  const bytes = readFileSync(file);
  if (bytes.byteLength < dataset.size * rowBytes) throw new Error(`${file.pathname} holds fewer embeddings than the data set has images.`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + dataset.size * rowBytes));
}
