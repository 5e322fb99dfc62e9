/**
 * Writes each model card's "file": model.onnx's size and SHA-256, which the
 * lab checks every download against (src/lib/lab/worker/download.ts), so a
 * cut-short or changed file is refused rather than run. Rerun after a
 * model.onnx changes (the training and conversion scripts' npm entries do);
 * tests/unit/models/card-file.test.ts fails while a card's hash is stale.
 *
 *   npm run cards:hash [-- model-id ...]     (default: every folder in models/)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseModelCard } from '../src/lib/models/card.ts';
import { hashModel } from '../src/lib/results/hashes.ts';

const MODELS = new URL('../models/', import.meta.url);
const ids = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(MODELS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

for (const id of ids) {
  const file = new URL(`${id}/card.json`, MODELS);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const { sha256 } = hashModel(id);
  const bytes = readFileSync(new URL(`${id}/model.onnx`, MODELS)).length;
  json.file = { bytes, sha256, madeBy: 'npm run cards:hash' };
  parseModelCard(json);
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`${id}: model.onnx ${bytes} bytes, SHA-256 ${sha256}`);
}
