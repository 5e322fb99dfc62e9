/**
 * Why raw pixels fall to near chance under Poincaré distance (the Evaluation
 * page's note): prints how many images the kernels' norm clamp reaches, and
 * 1-shot accuracy on the same seeded episodes with the kernels, with the exact
 * distance in float64 and no clamp, and with cosine distance, plus how often
 * the prediction is simply the prototype of smallest norm.
 *
 *   npx node scripts/poincare-raw-pixels.ts [episodes=200]
 *
 * The exact distance uses the hyperbolic law of cosines: exp₀ puts x at
 * distance 2‖x‖ from the origin in direction x/‖x‖, so for x, y at angle θ
 * cosh d = cosh(a − b)(1 + cos θ)/2 + cosh(a + b)(1 − cos θ)/2, a = 2‖x‖, b = 2‖y‖,
 * compared in log space (it overflows float64 otherwise).
 */
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { loadDataset, loadModelInNode, RAW_PIXELS } from '../src/lib/eval/node.ts';
import { sampleEpisode } from '../src/lib/eval/episodes.ts';
import { embedDataset } from '../src/lib/eval/run.ts';
import { splitDataset } from '../src/lib/eval/session-episodes.ts';
import { seededRandom } from '../src/lib/random.ts';

const EPISODES = Number(process.argv[2] ?? 200);
const kernels = await loadKernelsInNode();
const model = await loadModelInNode(RAW_PIXELS);
// The test letters, as the Evaluation page's rows: its first 200 episodes are these.
const dataset = splitDataset(loadDataset('glyphs-heldout'), 'test');
const dim = model.embedder.card.output.dim;
const embeddings = await embedDataset(dataset, model.embedder);
const row = (i: number) => embeddings.subarray(i * dim, (i + 1) * dim);
const dot = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k]! * y[k]!;
  return sum;
};
const norm = (x: ArrayLike<number>) => Math.sqrt(dot(x, x));
const logCoshExact = (x: Float32Array, y: Float32Array) => {
  const [a, b] = [2 * norm(x), 2 * norm(y)];
  const cos = Math.max(-1, Math.min(1, dot(x, y) / (norm(x) * norm(y))));
  const [t1, t2] = [Math.abs(a - b) + Math.log((1 + cos) / 2 + 1e-300), a + b + Math.log((1 - cos) / 2 + 1e-300)];
  const m = Math.max(t1, t2);
  return m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m));
};

// The kernels clamp ‖exp₀(x)‖ = tanh(‖x‖) at 1 − 1e-5 (src/lib/kernels/metrics.ts): reached from ‖x‖ ≈ 6.1 on.
const norms = Array.from({ length: dataset.size }, (_, i) => norm(row(i)));
console.log(`glyphs-heldout's test letters as raw pixels: ‖x‖ median ${norms.sort((p, q) => p - q)[norms.length >> 1]!.toFixed(1)}, clamped ${((100 * norms.filter((r) => Math.tanh(r) > 1 - 1e-5).length) / norms.length).toFixed(1)} %`);
for (const way of [5, 20]) {
  const random = seededRandom(1);
  const right = { kernels: 0, exact: 0, cosine: 0, smallestNorm: 0, total: 0 };
  for (let e = 0; e < EPISODES; e++) {
    const episode = sampleEpisode(dataset.byClass, way, 1, 15, random);
    const rows = (ix: number[]) => ({ data: Float32Array.from(ix.flatMap((j) => Array.from(row(j)))), rows: ix.length, cols: dim });
    const run = (metric: 'poincare' | 'cosine') =>
      kernels.classify({ supports: rows(episode.supports), labels: episode.supportLabels, classes: way, queries: rows(episode.queries), metric, normalization: 'none', refineIterations: 0 }).predicted;
    const [poincare, cosine] = [run('poincare'), run('cosine')];
    const protoNorms = episode.supports.map((s) => norm(row(s)));
    const smallest = episode.supportLabels[protoNorms.indexOf(Math.min(...protoNorms))];
    episode.queries.forEach((q, i) => {
      const exact = episode.supports.map((s) => logCoshExact(row(q), row(s)));
      right.total++;
      right.kernels += Number(poincare[i] === episode.queryLabels[i]);
      right.cosine += Number(cosine[i] === episode.queryLabels[i]);
      right.exact += Number(episode.supportLabels[exact.indexOf(Math.min(...exact))] === episode.queryLabels[i]);
      right.smallestNorm += Number(poincare[i] === smallest);
    });
  }
  const pct = (n: number) => `${((100 * n) / right.total).toFixed(1)} %`;
  console.log(
    `${way}-way 1-shot, ${EPISODES} episodes: Poincaré (kernels) ${pct(right.kernels)}, exact in float64 without the clamp ${pct(right.exact)}, cosine ${pct(right.cosine)}; Poincaré predicts the smallest-norm prototype ${pct(right.smallestNorm)}`,
  );
}
