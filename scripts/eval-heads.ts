/**
 * The learned metric head against plain prototypes (issue 13): every model of
 * the catalog on every data set, 5-way 1-shot, 5-way 5-shot, 10-way 5-shot and
 * 20-way 5-shot, each loss with its registry defaults (chosen on validation
 * classes by npm run tune:head), on the TEST (odd-numbered) classes only, all
 * settings of a task on the same seeded episodes. Writes the rows (with
 * `head`) into src/data/evaluations.json, replacing earlier head rows and
 * keeping every other row.
 *
 *   npm run eval:heads [-- --episodes 300]
 */
import * as ort from 'onnxruntime-web';
import { parseArgs } from 'node:util';
import { defaultHeadOptions } from '../src/lib/fewshot/head.ts';
import { HEAD_LOSSES } from '../src/lib/fewshot/head-losses.ts';
import { DEFAULT_METHOD } from '../src/lib/fewshot/method.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { loadDataset, loadModelInNode } from '../src/lib/eval/node.ts';
import { pairedDifference } from '../src/lib/eval/paired.ts';
import { embedDataset, evaluateEpisodes, type EvalSettings } from '../src/lib/eval/run.ts';
import { headRowSplit } from '../src/lib/eval/head-rows.ts';
import { BASELINE } from '../src/lib/eval/summary.ts';
import { DATASET_IDS, MODELS } from '../src/lib/models/catalog.ts';
import { readEvaluations, withRun, writeEvaluations } from '../src/lib/eval/evaluations-file.ts';
import { makeStamp } from '../src/lib/results/stamp.ts';
import type { EvaluationResult } from '../src/schemas/evaluations.ts';
import { ensurePackages } from './ensure-package.mjs';

const { values } = parseArgs({ options: { episodes: { type: 'string', default: '300' } } });
const EPISODES = Number(values.episodes);
const TASKS = [
  { way: 5, shot: 1 },
  { way: 5, shot: 5 },
  { way: 10, shot: 5 },
  { way: 20, shot: 5 },
];

ensurePackages(['fashion-mnist']);
const kernels = await loadKernelsInNode();
const rows: Array<Omit<EvaluationResult, 'stamp'>> = [];
const started = Date.now();
for (const { id } of MODELS) {
  const model = await loadModelInNode(id);
  const dim = model.embedder.card.output.dim;
  for (const name of DATASET_IDS) {
    const dataset = headRowSplit(loadDataset(name));
    const embeddings = await embedDataset(dataset, model.embedder);
    for (const { way, shot } of TASKS) {
      if (way > dataset.byClass.length) continue;
      const queries = Math.min(15, Math.min(...dataset.byClass.map((c) => c.length)) - shot);
      const settings: EvalSettings = { way, shot, queries, episodes: EPISODES, metric: DEFAULT_METHOD.metric, normalize: DEFAULT_METHOD.normalization, refine: 0, seed: 1 };
      const run = (s: EvalSettings) => evaluateEpisodes(embeddings, dim, dataset, kernels, s);
      const baseline = run({ ...settings, ...BASELINE });
      const plain = run(settings);
      const row = (r: ReturnType<typeof run>, head: EvaluationResult['head'], extra: Partial<EvaluationResult> = {}): Omit<EvaluationResult, 'stamp'> => {
        const { perEpisode: _, ...measured } = r;
        return { model: id, dataset: name, ...settings, ...measured, vsBaseline: pairedDifference(r.perEpisode, baseline.perEpisode), head, classes: 'test', ...extra };
      };
      rows.push(row(plain, 'none'));
      for (const loss of HEAD_LOSSES) {
        const options = defaultHeadOptions(loss.id);
        const withHead = run({ ...settings, head: options });
        const vsPrototypes = pairedDifference(withHead.perEpisode, plain.perEpisode);
        rows.push(row(withHead, loss.id, { headSteps: options.steps, vsPrototypes }));
        console.error(`${id} ${name} ${way}w${shot}s ${loss.id}: ${(100 * withHead.accuracy).toFixed(2)} % vs prototypes ${(100 * plain.accuracy).toFixed(2)} % (${vsPrototypes.difference >= 0 ? '+' : ''}${(100 * vsPrototypes.difference).toFixed(2)} ± ${(100 * vsPrototypes.ci95).toFixed(2)})`);
      }
    }
  }
  await model.embedder.dispose();
}
const stamp = makeStamp({
  models: MODELS.map((m) => m.id),
  datasets: DATASET_IDS,
  engine: `onnxruntime-web ${ort.env.versions.web}, WASM, 1 thread; the kernels' SIMD build`,
  startedAt: started,
});
writeEvaluations(withRun(readEvaluations(), (r) => r.head === undefined, rows, stamp));
console.error(`${rows.length} head rows in ${stamp.seconds} s on ${stamp.machine.cpu}`);
