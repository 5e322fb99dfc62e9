/**
 * Writes src/data/example-embeddings.json: every lab example set's
 * embeddings by its own model, made in Node as the worker would make them
 * (src/lib/lab/example-embeddings-node.ts), so "Try an example set" need not
 * run the model on pictures it has seen before. The worker uses one only when
 * its runtime's probe output and the picture's decoded pixels hash as
 * recorded here; otherwise it embeds the picture itself. Rerun after a model
 * or a sheet changes (tests/unit/lab/example-embeddings.test.ts fails until then).
 *
 *   npm run lab:example-embeddings
 */
import { writeFileSync } from 'node:fs';
import { embedPreset } from '../src/lib/lab/example-embeddings-node.ts';
import { presetSheets } from '../src/lib/lab/preset-sheets.ts';
import { makeStamp } from '../src/lib/results/stamp.ts';
import { exampleEmbeddingsSchema } from '../src/schemas/example-embeddings.ts';

const startedAt = Date.now();
const presets = presetSheets();
const sets = [];
for (const preset of presets) {
  sets.push(await embedPreset(preset));
  console.log(`${preset.id}: ${sets.at(-1)!.pictures.length} pictures embedded by ${preset.model}`);
}
const file = exampleEmbeddingsSchema.parse({
  generatedBy: 'npm run lab:example-embeddings',
  stamp: makeStamp({ models: [...new Set(presets.map((p) => p.model))], engine: 'onnxruntime-web, WASM in Node, 1 thread', startedAt }),
  sets,
});
writeFileSync(new URL('../src/data/example-embeddings.json', import.meta.url), JSON.stringify(file, null, 1) + '\n');
