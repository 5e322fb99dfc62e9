/**
 * Embedding latency of each model of the catalog (src/lib/models/catalog.ts) with onnxruntime-web's WASM
 * backend in Node (one thread), one image at a time (a live prediction) and in
 * batches of 64 (building a class). Preprocessing is timed separately.
 *
 *   npm run bench:models [-- --json]
 */
import { Bench } from 'tinybench';
import { loadModelInNode } from '../src/lib/eval/node.ts';
import { loadDataset } from '../src/lib/eval/node.ts';
import { MODEL_IDS } from '../src/lib/models/catalog.ts';
import { preprocess } from '../src/lib/models/preprocess.ts';
import { full, SMOKE } from './smoke.ts';

const json = process.argv.includes('--json');
const glyphs = loadDataset('glyphs-heldout');
const rows = [];
for (const id of MODEL_IDS) {
  const { embedder } = await loadModelInNode(id);
  const batch = full(64, 2);
  const pixels = Array.from({ length: batch }, (_, i) => glyphs.image(i * 7));
  const inputs = pixels.map((p) => preprocess(p, embedder.card));
  const bench = new Bench(full({ time: 1500, warmupTime: 300 }, { time: 0, iterations: 1, warmupIterations: 0, warmupTime: 0 }));
  bench
    .add('preprocess one image', () => preprocess(pixels[0]!, embedder.card))
    .add('embed one image', async () => embedder.embed([inputs[0]!]))
    .add(`embed ${batch} images`, async () => embedder.embed(inputs));
  await bench.run();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    const perImage = task.name === `embed ${batch} images` ? r.latency.p50 / batch : r.latency.p50;
    rows.push({ model: id, task: task.name, medianMs: r.latency.p50, perImageMs: perImage });
  }
  await embedder.dispose();
}
if (SMOKE) console.log(`smoke: bench:models ran every task once for ${MODEL_IDS.length} models.`);
else if (json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
else console.table(rows.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(3), perImageMs: r.perImageMs.toFixed(3) })));
