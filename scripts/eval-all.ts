/**
 * Regenerates src/data/evaluations.json: every model of the catalog (and raw
 * pixels as the floor) on every data set, and the retired photo-mobilenetv3 on
 * photo-kinds for comparison, for 5-way 1-shot, 5-way 5-shot and 20-way
 * 1-shot, each metric, normalisation and refinement setting; 600 seeded
 * episodes each, on the TEST (odd-numbered) classes of each data set only: the
 * even-numbered ones chose the sketch model's architecture, the photo model's
 * features and the cards' temperatures (src/lib/eval/held-out.ts says which,
 * per row). Every setting of a model,
 * data set and task is measured on the same episodes (seed 1), so each result
 * also carries its paired difference from the baseline and, when refined,
 * from the same setting unrefined (src/lib/eval/paired.ts). The run's stamp
 * (src/lib/results/stamp.ts) goes into the file's `stamps`. From the same
 * embeddings, retrieval rows (issue 25, src/lib/eval/retrieval-rows.ts): every
 * test image a query against the rest of the split, MAP@R, R-precision and
 * Recall@1/2/4/8 for each metric and normalisation, into the file's `retrieval`.
 * Their cost grows with images² × dimensions: on glyphs-heldout's 13,088 test
 * images at the photo model's 1,944 dimensions one row takes 56 s (squared
 * Euclidean) to 329 s (Poincaré) on this 2-core machine (random data of that
 * size), so that pair's 12 rows add roughly half an hour to the run; on a
 * clean tree each finished row is kept in training/cache/retrieval/
 * (src/lib/eval/retrieval-cache.ts), so a run stopped part-way resumes there too.
 *
 *   npm run eval:all            (installs Debian's dataset-fashion-mnist as root, or names it)
 *   EVAL_MODELS=a,b EVAL_DATASETS=x,y npm run eval:all
 *                               only those models × data sets; every other row of the file is kept, with its stamp
 *   EVAL_EPISODES=20 …          a quick look at the time a run takes
 *
 * On a clean tree the embeddings are kept in training/cache/embeddings/ as they
 * are made (src/lib/eval/embedding-cache.ts), so a run stopped part-way
 * resumes: `timeout 840 npm run eval:all` again until it finishes.
 */
import * as ort from 'onnxruntime-web';
import { METRIC_NAMES, NORMALIZATIONS } from '../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { DATASET_IDS, MODELS, RETIRED_MODEL_IDS } from '../src/lib/models/catalog.ts';
import { embedResumable } from '../src/lib/eval/embedding-cache.ts';
import { readEvaluations, withRun, writeEvaluations } from '../src/lib/eval/evaluations-file.ts';
import { loadDataset, loadModelInNode, RAW_PIXELS } from '../src/lib/eval/node.ts';
import { embedDataset, evaluateEpisodes } from '../src/lib/eval/run.ts';
import { retrievalRows, type RetrievalMeasure } from '../src/lib/eval/retrieval-rows.ts';
import { retrievalCache } from '../src/lib/eval/retrieval-cache.ts';
import { splitDataset } from '../src/lib/eval/session-episodes.ts';
import { withPairedDifferences, type Measured } from '../src/lib/eval/with-differences.ts';
import { gitCommit, hashDataset, hashModel, makeStamp } from '../src/lib/results/stamp.ts';
import { ensurePackages } from './ensure-package.mjs';

const TASKS = [
  { way: 5, shot: 1 },
  { way: 5, shot: 5 },
  { way: 20, shot: 1 },
];
const REFINE = [0, 3];
const EPISODES = Number(process.env.EVAL_EPISODES ?? 600);
const CLASSES = 'test';
const [RETIRED_PHOTO] = RETIRED_MODEL_IDS;

/** Every model of the catalog and raw pixels on every data set; the retired photo model only on photo-kinds, beside its successor. */
const PLAN = [
  ...[...MODELS.map((m) => m.id), RAW_PIXELS].flatMap((model) => DATASET_IDS.map((dataset) => ({ model, dataset }))),
  { model: RETIRED_PHOTO, dataset: 'photo-kinds' as const },
];

const only = (name: string) => process.env[name]?.split(',').filter(Boolean);
const models = only('EVAL_MODELS');
const datasets = only('EVAL_DATASETS');
const pairs = PLAN.filter((p) => (!models || models.includes(p.model)) && (!datasets || datasets.includes(p.dataset)));
if (pairs.length === 0) {
  console.error(`EVAL_MODELS / EVAL_DATASETS select nothing the evaluation measures; it measures ${PLAN.map((p) => `${p.model} on ${p.dataset}`).join(', ')}.`);
  process.exit(2);
}
if (pairs.some((p) => p.dataset === 'fashion-mnist')) ensurePackages(['fashion-mnist']);

const started = Date.now();
const commit = gitCommit();
const kernels = await loadKernelsInNode();
const measured: Measured[] = [];
const retrieval: object[] = [];
for (const id of [...new Set(pairs.map((p) => p.model))]) {
  const model = await loadModelInNode(id);
  const dim = model.embedder.card.output.dim;
  for (const { dataset: name } of pairs.filter((p) => p.model === id)) {
    const dataset = splitDataset(loadDataset(name), CLASSES);
    // Resumable only where the commit says what made the embeddings (raw pixels take no time).
    const cache = id !== RAW_PIXELS && !commit.dirty ? `${commit.sha.slice(0, 12)}-${id}-${hashModel(id).sha256.slice(0, 12)}-${name}-${hashDataset(name).sha256.slice(0, 12)}-${CLASSES}` : undefined;
    const embeddings = cache ? await embedResumable(dataset, model.embedder, cache, console.error) : await embedDataset(dataset, model.embedder);
    const smallest = Math.min(...dataset.byClass.map((c) => c.length));
    for (const { way, shot } of TASKS) {
      // Fashion-MNIST, photo-crops and photo-kinds have 5 or 6 test classes: no 20-way task there.
      if (way > dataset.byClass.length) continue;
      for (const metric of METRIC_NAMES) {
        for (const normalize of NORMALIZATIONS) {
          for (const refine of REFINE) {
            // 15 queries per class where the data set has the images (glyphs-heldout has 16 drawings a letter).
            const settings = { way, shot, queries: Math.min(15, smallest - shot), episodes: EPISODES, metric, normalize, refine, seed: 1 };
            const r = { model: id, dataset: name, ...settings, ...evaluateEpisodes(embeddings, dim, dataset, kernels, settings) };
            measured.push(r);
            console.error(`${id} ${name} ${way}w${shot}s ${metric} ${normalize} refine ${refine}: ${(100 * r.accuracy).toFixed(2)} ± ${(100 * r.ci95).toFixed(2)}`);
          }
        }
      }
    }
    const percent = (x: number) => (100 * x).toFixed(2);
    // Keyed like the embeddings, raw pixels included: their retrieval on 13,088 glyphs takes minutes too.
    const modelHash = id === RAW_PIXELS ? 'no-network' : hashModel(id).sha256.slice(0, 12);
    const rowCache = retrievalCache(commit.dirty ? undefined : `${commit.sha.slice(0, 12)}-${id}-${modelHash}-${name}-${hashDataset(name).sha256.slice(0, 12)}-${CLASSES}`);
    const report = (r: RetrievalMeasure, seconds: number, cached: boolean) =>
      console.error(`${id} ${name} retrieval ${r.metric} ${r.normalize}: MAP@R ${percent(r.mapAtR)}, R@1 ${percent(r.recallAt[1])} (${r.queries} queries, ${cached ? 'cached' : `${seconds.toFixed(1)} s`})`);
    for (const row of retrievalRows(kernels, embeddings, dim, dataset.byClass, report, rowCache)) {
      retrieval.push({ model: id, dataset: name, classes: CLASSES, ...row });
    }
  }
  await model.embedder.dispose();
}

const measuredModels = [...new Set(pairs.map((p) => p.model))].filter((id) => id !== RAW_PIXELS);
const stamp = makeStamp({
  commit,
  models: measuredModels,
  datasets: [...new Set(pairs.map((p) => p.dataset))],
  engine: `onnxruntime-web ${ort.env.versions.web}, WASM, 1 thread; the kernels' SIMD build`,
  env: ['EVAL_MODELS', 'EVAL_DATASETS', 'EVAL_EPISODES'],
  startedAt: started,
});
// Rows this run did not measure stay with their stamps: the metric head's (npm run eval:heads) and the other pairs'.
// Rows of a pair the plan no longer measures go.
const key = (r: { model: string; dataset: string }) => `${r.model}|${r.dataset}`;
const remeasured = new Set(pairs.map(key));
const planned = new Set(PLAN.map(key));
const file = withRun(
  readEvaluations(),
  (r) => r.head !== undefined || (planned.has(key(r)) && !remeasured.has(key(r))),
  withPairedDifferences(measured).map((r) => ({ ...r, classes: CLASSES })),
  stamp,
  { keep: (r) => planned.has(key(r)) && !remeasured.has(key(r)), rows: retrieval },
);
writeEvaluations(file);
console.error(`${measured.length} evaluations and ${retrieval.length} retrieval rows in ${stamp.seconds} s; the file has ${file.results.length} rows and ${file.retrieval?.length ?? 0} retrieval rows from ${file.stamps.length} runs`);
