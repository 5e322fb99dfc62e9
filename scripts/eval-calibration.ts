/**
 * How far the lab's confidences and "unknown" answers can be trusted:
 * src/data/calibration.json, shown on the Evaluation page. Every model on
 * every data set here, on the TEST classes (odd-numbered; the cards were
 * fitted on the even ones), through the lab's own session code:
 * - calibration at 5-way 1- and 5-shot: expected calibration error (10 bins),
 *   reliability bins, accuracy and mean confidence, for the lab's defaults
 *   and for what the lab did before (squared Euclidean, no normalisation, T = 1);
 * - open set: AUROC of known against unseen-class queries (score: distance
 *   to the nearest prototype), and how many of each are called unknown;
 * - at 5 shots, the same with the learned metric head on (the lab's first
 *   loss, normalised softmax), whose temperature and threshold come from its
 *   held-out rounds.
 *
 *   npm run eval:calibration     (installs Debian's dataset-fashion-mnist as root, or names it)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { areaUnderRoc, expectedCalibrationError } from '../src/lib/fewshot/calibration.ts';
import { DEFAULT_METHOD, type Method } from '../src/lib/fewshot/method.ts';
import { loadDataset, loadModelInNode } from '../src/lib/eval/node.ts';
import { runSessionEpisodes, type QueryOutcome } from '../src/lib/eval/session-episodes.ts';
import { embedDataset } from '../src/lib/eval/run.ts';
import { DATASET_IDS, MODELS } from '../src/lib/models/catalog.ts';
import { calibrationFileSchema, type CalibrationFile } from '../src/schemas/calibration-results.ts';
import { makeStamp } from '../src/lib/results/stamp.ts';
import { ensurePackages } from './ensure-package.mjs';
import { defaultHeadOptions } from '../src/lib/fewshot/head.ts';
import { HEAD_LOSSES } from '../src/lib/fewshot/head-losses.ts';
// The learned-metric rows' capped test split (100 classes × 100 at most), so the photo network embeds each set in
// minutes; the open-set queries come from the classes beyond the episode's.
import { headRowSplit } from '../src/lib/eval/head-rows.ts';

const EPISODES = Number(process.env.EVAL_EPISODES ?? 300);
const BEFORE: Method = { metric: 'euclidean', normalization: 'none', temperature: 1, refine: 0 };

function measure(outcomes: QueryOutcome[]) {
  const known = outcomes.filter((o) => o.label >= 0);
  const unseen = outcomes.filter((o) => o.label < 0);
  const { ece, bins } = expectedCalibrationError(known.map((o) => o.probability), known.map((o) => o.predicted === o.label));
  const nearest = (o: QueryOutcome) => Math.min(...o.distances);
  const share = (list: QueryOutcome[]) => (list.length ? list.filter((o) => o.unknown).length / list.length : null);
  return {
    queries: known.length,
    accuracy: known.filter((o) => o.predicted === o.label).length / known.length,
    meanConfidence: known.reduce((s, o) => s + o.probability, 0) / known.length,
    ece,
    bins,
    openSet: unseen.length
      ? { unseenQueries: unseen.length, auroc: areaUnderRoc(unseen.map(nearest), known.map(nearest)), knownCalledUnknown: share(known)!, unseenCalledUnknown: share(unseen)! }
      : null,
  };
}

ensurePackages(['fashion-mnist']);
const kernels = await loadKernelsInNode();
const results: CalibrationFile['results'] = [];
const started = Date.now();
for (const { id } of MODELS) {
  const model = await loadModelInNode(id);
  const card = model.embedder.card.calibration;
  const dim = model.embedder.card.output.dim;
  for (const name of DATASET_IDS) {
    const subset = headRowSplit(loadDataset(name));
    const embeddings = await embedDataset(subset, model.embedder);
    const test = subset.byClass;
    for (const shot of [1, 5]) {
      const way = 5;
      const queries = Math.min(10, Math.min(...test.map((c) => c.length)) - shot);
      const spec = { way, shot, queries, unseen: test.length > way ? 2 * queries : 0, episodes: EPISODES, seed: 7 };
      const after = measure(runSessionEpisodes(embeddings, dim, test, kernels, DEFAULT_METHOD, card, spec));
      const before = measure(runSessionEpisodes(embeddings, dim, test, kernels, BEFORE, card, spec));
      const head = defaultHeadOptions(HEAD_LOSSES[0]!.id);
      const withHead = shot >= 2 ? { loss: head.loss, steps: head.steps, measured: measure(runSessionEpisodes(embeddings, dim, test, kernels, DEFAULT_METHOD, card, { ...spec, head })) } : undefined;
      results.push({ model: id, dataset: name, way, shot, episodes: EPISODES, testClasses: test.length, method: DEFAULT_METHOD, after, before: { accuracy: before.accuracy, meanConfidence: before.meanConfidence, ece: before.ece }, ...(withHead && { withHead }) });
      console.error(`${id} ${name} ${way}w${shot}s: ECE ${before.ece.toFixed(3)} → ${after.ece.toFixed(3)}, accuracy ${(100 * after.accuracy).toFixed(1)} %, AUROC ${after.openSet?.auroc.toFixed(3) ?? '—'}`);
    }
  }
  await model.embedder.dispose();
}
mkdirSync(new URL('../src/data/', import.meta.url), { recursive: true });
const file: CalibrationFile = {
  stamp: makeStamp({
    models: MODELS.map((m) => m.id),
    datasets: DATASET_IDS,
    engine: `onnxruntime-web ${ort.env.versions.web}, WASM, 1 thread; the kernels' SIMD build`,
    env: ['EVAL_EPISODES'],
    startedAt: started,
  }),
  split: 'test classes (odd-numbered; the first 100, at most 100 images each); temperatures and one-shot thresholds were fitted on the even-numbered classes',
  results,
};
writeFileSync(new URL('../src/data/calibration.json', import.meta.url), JSON.stringify(calibrationFileSchema.parse(file), null, 1) + '\n');
console.error(`${results.length} rows in ${file.stamp.seconds} s`);
