/**
 * Few-shot evaluation of a model in models/ on a data set, with the code the
 * browser runs (onnxruntime-web's WASM backend, the shared preprocessing, the
 * kernels). Prints accuracy with its 95 % confidence interval.
 *
 *   npm run eval -- --model sketch-protonet --dataset glyphs-heldout --way 5 --shot 1 \
 *     [--queries 15] [--episodes 600] [--metric euclidean|cosine|snr|poincare] \
 *     [--normalize none|l2|cl2n] [--refine 0|N] [--seed 1] [--paired] [--json]
 *     [--head norm-softmax|soft-triple|multi-similarity|circle --steps 100 --rate <loss default>]
 *
 * --head trains the lab's learned metric head on each episode's supports (at
 * the given normalisation; the head's distance is cosine to its proxies);
 * with --paired it is compared with plain prototypes at the same settings.
 *
 * --paired also runs the baseline (squared Euclidean, no normalisation, no
 * refinement) on the same seeded episodes and prints the paired difference
 * with its 95 % interval (src/lib/eval/paired.ts).
 */
import { parseArgs } from 'node:util';
import { isMetric, METRIC_NAMES, NORMALIZATIONS, type Normalization } from '../src/lib/kernels/index.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { evaluateWithModel, loadModelInNode } from '../src/lib/eval/node.ts';
import { pairedDifference } from '../src/lib/eval/paired.ts';
import { BASELINE } from '../src/lib/eval/summary.ts';
import { checkHeadOptions, defaultHeadOptions } from '../src/lib/fewshot/head.ts';
import { HEAD_LOSS_NAMES, isHeadLoss } from '../src/lib/fewshot/head-losses.ts';
import type { HeadLoss } from '../src/lib/kernels/index.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    dataset: { type: 'string' },
    way: { type: 'string', default: '5' },
    shot: { type: 'string', default: '1' },
    queries: { type: 'string', default: '15' },
    episodes: { type: 'string', default: '600' },
    metric: { type: 'string', default: 'euclidean' },
    normalize: { type: 'string', default: 'none' },
    refine: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    paired: { type: 'boolean', default: false },
    head: { type: 'string' },
    steps: { type: 'string' },
    rate: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!values.model || !values.dataset) fail('Usage: npm run eval -- --model <id> --dataset <glyphs-heldout|fashion-mnist> [--way 5 --shot 1 …]');
if (!isMetric(values.metric)) fail(`--metric must be one of ${METRIC_NAMES.join(', ')}; got "${values.metric}".`);
if (!NORMALIZATIONS.includes(values.normalize as Normalization)) fail(`--normalize must be one of ${NORMALIZATIONS.join(', ')}.`);
const numbers = Object.fromEntries(['way', 'shot', 'queries', 'episodes', 'refine', 'seed'].map((k) => [k, Number(values[k as keyof typeof values])]));
for (const [k, v] of Object.entries(numbers)) if (!Number.isInteger(v) || v < 0) fail(`--${k} must be a whole number; got "${values[k as keyof typeof values]}".`);

if (values.head !== undefined && !isHeadLoss(values.head)) fail(`--head must be one of ${HEAD_LOSS_NAMES.join(', ')}; got "${values.head}".`);
const head = values.head === undefined ? undefined : checkHeadOptions({ ...defaultHeadOptions(values.head as HeadLoss), ...(values.steps && { steps: Number(values.steps) }), ...(values.rate && { rate: Number(values.rate) }) });
const kernels = await loadKernelsInNode();
const model = await loadModelInNode(values.model);
const settings = {
  way: numbers.way!,
  shot: numbers.shot!,
  queries: numbers.queries!,
  episodes: numbers.episodes!,
  refine: numbers.refine!,
  seed: numbers.seed!,
  metric: values.metric,
  normalize: values.normalize as Normalization,
  ...(head && { head }),
};
const { perEpisode, ...result } = await evaluateWithModel(model, values.dataset, kernels, settings);
// Same seed, data set and task: the baseline classifies the very same episodes.
// With a head, the partner is plain prototypes at the same settings; without, the baseline setting.
const { head: _, ...plain } = settings;
const baseline = values.paired ? await evaluateWithModel(model, values.dataset, kernels, head ? plain : { ...settings, ...BASELINE }) : undefined;
const vsBaseline = baseline ? pairedDifference(perEpisode, baseline.perEpisode) : undefined;
await model.embedder.dispose();
const percent = (x: number) => (100 * x).toFixed(2);
if (values.json) process.stdout.write(JSON.stringify({ ...result, ...(vsBaseline && { vsBaseline }) }) + '\n');
else {
  console.log(
    `${result.model} on ${result.dataset}: ${result.way}-way ${result.shot}-shot, ${result.queries} queries, ${result.episodes} episodes, ${result.metric}, ${result.normalize}, refine ${result.refine}${head ? `, head ${head.loss} (${head.steps} steps, lr ${head.rate})` : ''}: ` +
      `${percent(result.accuracy)} ± ${percent(result.ci95)} %`,
  );
  if (baseline && vsBaseline) {
    console.log(`${head ? `plain prototypes (${settings.metric}, ${settings.normalize})` : 'baseline (euclidean, none, refine 0)'} on the same episodes: ${percent(baseline.accuracy)} ± ${percent(baseline.ci95)} %; paired difference ${vsBaseline.difference >= 0 ? '+' : ''}${percent(vsBaseline.difference)} ± ${percent(vsBaseline.ci95)} points`);
  }
}
