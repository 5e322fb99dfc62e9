/**
 * Writes each model card's probe: the embedding onnxruntime-web's WASM backend
 * gives for the card's fixed probe input (src/lib/models/probe.ts), which the
 * lab compares every backend against when it starts the model. Rerun after a
 * model.onnx changes (the conversion and training scripts' npm entries do).
 *
 *   npm run probe:cards [-- model-id ...]     (default: every folder in models/)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createEmbedder } from '../src/lib/inference/embedder.ts';
import { ortInNode } from '../src/lib/inference/ort-node.ts';
import { parseModelCard } from '../src/lib/models/card.ts';
import { PROBE_COSINE, PROBE_MAX_ABS_SHARE, probeInput } from '../src/lib/models/probe.ts';

const MODELS = new URL('../models/', import.meta.url);
const ids = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(MODELS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

for (const id of ids) {
  const file = new URL(`${id}/card.json`, MODELS);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const card = parseModelCard(json);
  const embedder = await createEmbedder(ortInNode(), new Uint8Array(readFileSync(new URL(`${id}/model.onnx`, MODELS))), card);
  const embedding = (await embedder.embed([probeInput(card)])).data;
  await embedder.dispose();
  const largest = embedding.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  json.probe = { pattern: 'sines-1', embedding: Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength).toString('base64'), cosine: PROBE_COSINE, maxAbs: Number((PROBE_MAX_ABS_SHARE * largest).toPrecision(3)), madeBy: 'npm run probe:cards (onnxruntime-web WASM in Node)' };
  parseModelCard(json);
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`${id}: probe of ${embedding.length} values, largest |value| ${largest.toPrecision(3)}, max abs tolerance ${json.probe.maxAbs}`);
}
