import type { Kernels } from '../../lib/kernels/index.ts';
import { seededRandom } from '../../lib/random.ts';
import { drawNegatives, type SamplingMode } from '../negative-sampling.ts';
import { arrow, clamp, n, scale, text } from '../svg.ts';
import { chartLegend, curvesPanel, type Curve } from '../sampled-softmax-chart.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  input: { x: number; y: number };
  target: { x: number; y: number };
  m: number;
  poolFactor: number;
  mode: SamplingMode;
  seed: number;
}

const COUNT = 400;
const DRAWS = 200;
/** The input's scores are ⟨w, SHARPNESS · x⟩: the farther out the input, the more the softmax concentrates on a few labels. */
const SHARPNESS = 6;
const GRID = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const X = scale([-1.1, 1.1], [20, 400]);
const Y = scale([-1.1, 1.1], [400, 20]);
/** Label embeddings spread over the unit disk; label 0, the target, is placed by the reader. */
const LABELS = (() => {
  const random = seededRandom(3);
  return Array.from({ length: COUNT }, () => {
    const r = Math.sqrt(random());
    const a = 2 * Math.PI * random();
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  });
})();
const at = (p: { x: number; y: number }) => `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'sampled-softmax',
  title: 'Sampled softmax: the gradient’s bias and spread',
  topic: 'large-output-spaces',
  papers: ['stochastic-negative-mining'],
  caption:
    'Four hundred labels, each an embedding w in the disk (dots, larger where the full softmax gives the label more probability), an input (the ring) and its target label (the star). The loss is −log p(target | input) with scores ⟨w, 6x⟩, and the thick arrow is its full gradient step, −g with g = Σ p_ℓ w_ℓ − w_target, which needs every label’s score. A sampled softmax scores the target and m negatives only, each negative’s score raised by log((N − 1)/m) so that m of them stand in for all N − 1; the thin arrows are the steps of twelve draws. Over 200 seeded draws the charts show the bias, ‖E ĝ − g‖, and the spread, √E‖ĝ − E ĝ‖², as m grows (the dot is the m chosen). Uniform negatives rarely include the few labels that hold most of the probability, so with a small m their gradient both misses on average and varies from draw to draw; both shrink as m grows. Hard negatives, the m highest-scoring labels of a uniform pool of several times m, as in the stochastic negative mining of the AISTATS 2019 paper, almost always include those labels and vary far less. This figure gives them the same correction as uniform ones, as if they stood for all N − 1 labels, so they are over-counted, and their bias can stay above the uniform one as m grows.',
  howTo: 'Drag the ring (input) or the star (target label), or focus one with Tab and move it with the arrow keys; set m and the pool with the sliders, and switch between uniform and hard negatives with the buttons.',
};

/** Bias and spread at every m of the grid, for both modes, over the same seeded draws as the reader's m. */
function curves(kernels: Kernels, state: State, labels: Float32Array, scores: number[], input: Float32Array): Record<SamplingMode, Array<{ m: number; bias: number; spread: number }>> {
  const measure = (m: number, mode: SamplingMode) => {
    const negatives = drawNegatives(scores, 0, m, mode, state.poolFactor, DRAWS, state.seed + m);
    return { m, ...kernels.sampling.gradients({ data: labels, rows: COUNT, cols: 2 }, input, 0, negatives, m, Math.log(m / (COUNT - 1))) };
  };
  return { uniform: GRID.map((m) => measure(m, 'uniform')), hard: GRID.map((m) => measure(m, 'hard')) };
}

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 780,
  height: 440,
  initial: () => ({ input: { x: 0.55, y: 0.35 }, target: { x: -0.3, y: 0.5 }, m: 8, poolFactor: 4, mode: 'uniform', seed: 1 }),
  sliders: [
    { name: 'm', label: 'Sampled negatives m', min: 1, max: 256, step: 1 },
    { name: 'poolFactor', label: 'Pool for hard negatives (× m)', min: 2, max: 16, step: 1 },
  ],
  actions: [
    { name: 'uniform', label: 'Uniform negatives' },
    { name: 'hard', label: 'Hard negatives' },
    { name: 'reseed', label: 'New draws' },
  ],
  handles: (state) => [
    { id: 'x', x: X.to(state.input.x), y: Y.to(state.input.y), label: `Input at ${at(state.input)}`, className: 'query' },
    { id: 'y', x: X.to(state.target.x), y: Y.to(state.target.y), label: `Target label at ${at(state.target)}`, className: 'class-0', shape: 'star' },
  ],
  moveHandle(state, id, x, y) {
    const target = id === 'x' ? state.input : id === 'y' ? state.target : undefined;
    if (!target) return;
    target.x = clamp(X.from(x), -1.05, 1.05);
    target.y = clamp(Y.from(y), -1.05, 1.05);
  },
  values: (state) => ({ m: state.m, poolFactor: state.poolFactor }),
  setValue(state, name, value) {
    if (name === 'm' || name === 'poolFactor') state[name] = value;
  },
  act(state, name) {
    if (name === 'uniform' || name === 'hard') state.mode = name;
    if (name === 'reseed') state.seed += 1000;
  },
  draw(state, kernels) {
    const labels = Float32Array.from([[state.target.x, state.target.y], ...LABELS.slice(1)].flat());
    const input = Float32Array.of(SHARPNESS * state.input.x, SHARPNESS * state.input.y);
    const scores = Array.from({ length: COUNT }, (_, l) => labels[2 * l]! * input[0]! + labels[2 * l + 1]! * input[1]!);
    const top = Math.max(...scores);
    const total = scores.reduce((s, v) => s + Math.exp(v - top), 0);
    const negatives = drawNegatives(scores, 0, state.m, state.mode, state.poolFactor, DRAWS, state.seed + state.m);
    const now = kernels.sampling.gradients({ data: labels, rows: COUNT, cols: 2 }, input, 0, negatives, state.m, Math.log(state.m / (COUNT - 1)));
    const byMode = curves(kernels, state, labels, scores, input);
    let scene = `<rect x="20" y="20" width="380" height="380" class="frame"/><circle cx="${n(X.to(0))}" cy="${n(Y.to(0))}" r="${n(X.to(1) - X.to(0))}" class="faint"/>`;
    scores.forEach((s, l) => {
      if (l > 0) scene += `<circle cx="${n(X.to(labels[2 * l]!))}" cy="${n(Y.to(labels[2 * l + 1]!))}" r="${n(1.6 + 14 * Math.sqrt(Math.exp(s - top) / total))}" class="fill-c query" fill-opacity="0.45"/>`;
    });
    const step = (g: ArrayLike<number>, attributes: string) => arrow(X.to(state.input.x), Y.to(state.input.y), X.to(state.input.x - 0.45 * g[0]!), Y.to(state.input.y - 0.45 * g[1]!), attributes);
    for (let d = 0; d < 12; d++) scene += step(now.each.data.subarray(2 * d, 2 * d + 2), 'class="stroke-c class-1" stroke-width="1.2" stroke-opacity="0.7"');
    scene += step(now.full, 'class="stroke-c class-2" stroke-width="3.5"');
    scene += text(20, 424, `thick: full step · thin: steps with ${state.m} ${state.mode}`, 'class="note"');
    const toCurve = (mode: SamplingMode, key: 'bias' | 'spread'): Curve => ({ mode, points: byMode[mode].map((p) => ({ m: p.m, value: p[key] })) });
    scene += curvesPanel(450, 14, 'bias ‖E ĝ − g‖', [toCurve('uniform', 'bias'), toCurve('hard', 'bias')], { m: state.m, value: now.bias, mode: state.mode });
    scene += curvesPanel(450, 204, 'spread √E‖ĝ − E ĝ‖²', [toCurve('uniform', 'spread'), toCurve('hard', 'spread')], { m: state.m, value: now.spread, mode: state.mode });
    scene += chartLegend(470, 424);
    const norm = Math.hypot(...now.full);
    const pool = state.mode === 'hard' ? ` (the top ${state.m} of a uniform pool of ${Math.min(state.poolFactor * state.m, COUNT - 1)})` : '';
    return {
      scene,
      summary: `Input at ${at(state.input)}, target label at ${at(state.target)}: the full softmax gradient has length ${norm.toFixed(3)}. With m = ${state.m} ${state.mode} ${state.m === 1 ? "negative" : "negatives"}${pool}, over ${DRAWS} draws the sampled gradient’s bias is ${now.bias.toFixed(3)} and its spread ${now.spread.toFixed(3)}.`,
    };
  },
};

export default figure;
