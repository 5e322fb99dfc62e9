/**
 * Fits each model's temperatures and one-shot open-set thresholds, per
 * distance × normalisation, on the VALIDATION classes of its calibration data
 * set (even-numbered classes; the Evaluation page reports on the odd ones),
 * and writes them into models/<id>/card.json under "calibration".
 *
 *   npm run fit:calibration [-- model-id ...]     (default: every model of the catalog)
 *
 * Temperature: the T minimising the NLL of softmax(−d/T) over 2-, 3- and
 * 5-way, 1- and 5-shot episodes (Guo et al. 2017). Threshold: the 0.95
 * quantile of a query's distance to its own class's one-shot prototype.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { METRIC_NAMES, NORMALIZATIONS, quantileOf } from '../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { fitTemperature, type LabelledDistances } from '../src/lib/fewshot/calibration.ts';
import { OPEN_SET_QUANTILE } from '../src/lib/fewshot/method.ts';
import { embeddingsOf, loadModelInNode, loadDataset } from '../src/lib/eval/node.ts';
import { runSessionEpisodes } from '../src/lib/eval/session-episodes.ts';
import { classesOf } from '../src/lib/eval/datasets.ts';
import { MODELS } from '../src/lib/models/catalog.ts';
import { parseModelCard } from '../src/lib/models/card.ts';
import { gitCommit, makeStamp } from '../src/lib/results/stamp.ts';

const EPISODES = Number(process.env.CALIBRATION_EPISODES ?? 150);
const TASKS = [
  { way: 2, shot: 1 },
  { way: 3, shot: 1 },
  { way: 5, shot: 1 },
  { way: 2, shot: 5 },
  { way: 5, shot: 5 },
];

const kernels = await loadKernelsInNode();
// Before the first card is rewritten: a rewritten card is not uncommitted code.
const commit = gitCommit();
const only = process.argv.slice(2);
for (const { id, calibrationDataset } of MODELS.filter((m) => only.length === 0 || only.includes(m.id))) {
  const started = Date.now();
  const model = await loadModelInNode(id);
  const dataset = loadDataset(calibrationDataset);
  const embeddings = await embeddingsOf(model, dataset);
  const dim = model.embedder.card.output.dim;
  const validation = classesOf(dataset, 'validation');
  // Five queries per class, or what the smallest class leaves after the supports (photo-kinds has eight pictures a kind).
  const smallest = Math.min(...validation.map((c) => c.length));
  const settings: Record<string, { temperature: number; oneShotThreshold: number }> = {};
  for (const metric of METRIC_NAMES) {
    for (const normalization of NORMALIZATIONS) {
      const method = { metric, normalization, temperature: 1, refine: 0 } as const;
      const groups: LabelledDistances[] = [];
      const oneShot: number[] = [];
      TASKS.forEach(({ way, shot }, t) => {
        const outcomes = runSessionEpisodes(embeddings, dim, validation, kernels, method, undefined, { way, shot, queries: Math.min(5, smallest - shot), unseen: 0, episodes: EPISODES, seed: 100 + t });
        const distances = new Float64Array(outcomes.length * way);
        outcomes.forEach((o, i) => distances.set(o.distances, i * way));
        groups.push({ distances, classes: way, labels: outcomes.map((o) => o.label) });
        if (shot === 1) oneShot.push(...outcomes.map((o) => o.distances[o.label]!));
      });
      const all = groups.flatMap((g) => Array.from(g.distances));
      const scale = Math.max(1e-6, quantileOf(all, 0.5));
      const temperature = fitTemperature(groups, scale * 1e-4, scale * 1e4);
      settings[`${metric}/${normalization}`] = { temperature: round(temperature), oneShotThreshold: round(quantileOf(oneShot, OPEN_SET_QUANTILE)) };
      console.error(`${id} ${metric}/${normalization}: T = ${temperature.toPrecision(4)}, one-shot threshold ${quantileOf(oneShot, OPEN_SET_QUANTILE).toPrecision(4)}`);
    }
  }
  const file = new URL(`../models/${id}/card.json`, import.meta.url);
  const card = JSON.parse(readFileSync(file, 'utf8'));
  const stamp = makeStamp({
    commit,
    models: [id],
    datasets: [calibrationDataset],
    engine: `onnxruntime-web ${ort.env.versions.web}, WASM, 1 thread; the kernels' SIMD build`,
    env: ['CALIBRATION_EPISODES'],
    startedAt: started,
  });
  card.calibration = { fittedBy: 'npm run fit:calibration', dataset: calibrationDataset, split: 'validation', quantile: OPEN_SET_QUANTILE, settings, stamp };
  parseModelCard(card);
  writeFileSync(file, JSON.stringify(card, null, 2) + '\n');
  await model.embedder.dispose();
}

function round(value: number): number {
  return Number(value.toPrecision(5));
}
