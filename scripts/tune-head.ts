/**
 * Chooses the metric head's learning rate per loss on VALIDATION classes (the
 * even-numbered ones; the Evaluation page reports the odd-numbered ones):
 * each model on its calibration data set, 5-way 5-shot and 5-way 1-shot,
 * the lab's normalisation, against plain prototypes on the same episodes.
 * Prints a table; the chosen defaults go into src/lib/fewshot/head-losses.ts.
 *
 *   npm run tune:head [-- --episodes 200 --steps 100]
 */
import { parseArgs } from 'node:util';
import { HEAD_LOSSES } from '../src/lib/fewshot/head-losses.ts';
import { DEFAULT_METHOD } from '../src/lib/fewshot/method.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { embeddingsOf, loadDataset, loadModelInNode } from '../src/lib/eval/node.ts';
import { pairedDifference } from '../src/lib/eval/paired.ts';
import { evaluateEpisodes, type EvalSettings } from '../src/lib/eval/run.ts';
import { classesOf } from '../src/lib/eval/datasets.ts';
import { MODELS } from '../src/lib/models/catalog.ts';

const { values } = parseArgs({
  options: {
    episodes: { type: 'string', default: '200' },
    steps: { type: 'string', default: '100' },
    rates: { type: 'string', default: '0.02,0.05,0.1,0.2,0.5,1,2' },
    loss: { type: 'string' },
    /** Alternatives for the loss's hyper-parameters, e.g. "8;0.1,0.01|16;..." — each a comma list, separated by |. */
    params: { type: 'string' },
    shots: { type: 'string', default: '1,5' },
    model: { type: 'string' },
  },
});
const RATES = values.rates.split(',').map(Number);
const variants = (defaults: readonly number[]) => (values.params ? values.params.split('|').map((v) => v.split(',').map(Number)) : [defaults]);
const kernels = await loadKernelsInNode();
const points = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;
for (const { id, calibrationDataset } of MODELS.filter((m) => !values.model || m.id === values.model)) {
  const model = await loadModelInNode(id);
  const full = loadDataset(calibrationDataset);
  const dataset = { ...full, byClass: classesOf(full, 'validation') };
  const embeddings = await embeddingsOf(model, full);
  const dim = model.embedder.card.output.dim;
  for (const shot of values.shots.split(',').map(Number)) {
    const queries = Math.min(15, Math.min(...dataset.byClass.map((c) => c.length)) - shot);
    const settings: EvalSettings = { way: 5, shot, queries, episodes: Number(values.episodes), metric: DEFAULT_METHOD.metric, normalize: DEFAULT_METHOD.normalization, refine: 0, seed: 7 };
    const plain = evaluateEpisodes(embeddings, dim, dataset, kernels, settings);
    console.log(`${id} on ${calibrationDataset} (validation classes), 5-way ${shot}-shot: prototypes ${(100 * plain.accuracy).toFixed(2)} %`);
    for (const loss of HEAD_LOSSES.filter((l) => !values.loss || l.id === values.loss)) {
      for (const params of variants(loss.params)) {
        const cells = RATES.map((rate) => {
          const withHead = evaluateEpisodes(embeddings, dim, dataset, kernels, { ...settings, head: { loss: loss.id, steps: Number(values.steps), rate, params } });
          const d = pairedDifference(withHead.perEpisode, plain.perEpisode);
          return `lr ${rate}: ${points(d.difference)} ± ${(100 * d.ci95).toFixed(2)}`;
        });
        console.log(`  ${loss.id} [${params.join(', ')}] ${cells.join(' | ')}`);
      }
    }
  }
  await model.embedder.dispose();
}
