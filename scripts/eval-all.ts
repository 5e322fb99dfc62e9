/**
 * Regenerates src/data/evaluations.json: every model of the catalog (and raw
 * pixels as the floor) on every data set, for 5-way 1-shot, 5-way 5-shot and
 * 20-way 1-shot, each metric, normalisation and refinement setting; 600
 * seeded episodes each. Every setting of a model, data set and task is
 * measured on the same episodes (seed 1), so each result also carries its
 * paired difference from the baseline and, when refined, from the same
 * setting unrefined (src/lib/eval/paired.ts).
 *
 *   npm run eval:all            (needs Debian's dataset-fashion-mnist for that data set)
 *   EVAL_MODELS=a,b EVAL_DATASETS=x,y npm run eval:all
 *                               only those models × data sets; every other row of the file is kept as it was
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { METRIC_NAMES, NORMALIZATIONS } from '../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { DATASET_IDS, MODELS } from '../src/lib/models/catalog.ts';
import { evaluateWithModel, loadDataset, loadModelInNode, RAW_PIXELS } from '../src/lib/eval/node.ts';
import { withPairedDifferences, type Measured } from '../src/lib/eval/with-differences.ts';
import { evaluationsSchema } from '../src/schemas/evaluations.ts';

const MODEL_IDS = [...MODELS.map((m) => m.id), RAW_PIXELS];
const TASKS = [
  { way: 5, shot: 1 },
  { way: 5, shot: 5 },
  { way: 20, shot: 1 },
];
const REFINE = [0, 3];
const EPISODES = Number(process.env.EVAL_EPISODES ?? 600);
const RESULTS = new URL('../src/data/evaluations.json', import.meta.url);

const only = (name: string) => process.env[name]?.split(',').filter(Boolean);
const partial = Boolean(only('EVAL_MODELS') || only('EVAL_DATASETS'));
const models = only('EVAL_MODELS') ?? MODEL_IDS;
const datasets = (only('EVAL_DATASETS') ?? DATASET_IDS) as readonly (typeof DATASET_IDS)[number][];
const kernels = await loadKernelsInNode();
const smallestClass = (name: string) => Math.min(...loadDataset(name).byClass.map((c) => c.length));
const measured: Measured[] = [];
const started = Date.now();
for (const id of models) {
  const model = await loadModelInNode(id);
  for (const dataset of datasets) {
    for (const { way, shot } of TASKS) {
      // Fashion-MNIST has ten classes and photo-crops twelve: no 20-way task there.
      if (way > loadDataset(dataset).byClass.length) continue;
      for (const metric of METRIC_NAMES) {
        for (const normalize of NORMALIZATIONS) {
          for (const refine of REFINE) {
            // 15 queries per class where the data set has the images (glyphs-heldout has 16 drawings a letter).
            const queries = Math.min(15, smallestClass(dataset) - shot);
            const r = await evaluateWithModel(model, dataset, kernels, { way, shot, queries, episodes: EPISODES, metric, normalize, refine, seed: 1 });
            measured.push(r);
            console.error(`${id} ${dataset} ${way}w${shot}s ${metric} ${normalize} refine ${refine}: ${(100 * r.accuracy).toFixed(2)} ± ${(100 * r.ci95).toFixed(2)}`);
          }
        }
      }
    }
  }
  await model.embedder.dispose();
}
// Rows this run did not measure stay: the metric head's (npm run eval:heads) and, with EVAL_MODELS or EVAL_DATASETS, the other pairs'.
const remeasured = new Set(measured.map((r) => `${r.model}|${r.dataset}`));
const previous = (existsSync(RESULTS) ? evaluationsSchema.parse(JSON.parse(readFileSync(RESULTS, 'utf8'))).results : []).filter(
  (r) => r.head !== undefined || (partial && !remeasured.has(`${r.model}|${r.dataset}`)),
);
const file = evaluationsSchema.parse({
  generatedBy: 'npm run eval:all',
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? 'unknown'}, Node ${process.versions.node}, onnxruntime-web WASM (1 thread)`,
  seconds: Math.round((Date.now() - started) / 1000),
  results: [...withPairedDifferences(measured), ...previous],
});
mkdirSync(new URL('.', RESULTS), { recursive: true });
writeFileSync(RESULTS, JSON.stringify(file, null, 1) + '\n');
console.error(`${file.results.length} evaluations in ${file.seconds} s`);
