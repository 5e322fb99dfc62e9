import { seededRandom } from '../../lib/random.ts';
import { clamp, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta, Handle } from '../types.ts';

interface Point {
  x: number;
  y: number;
}
interface State {
  labeled: Array<Point & { label: number }>;
  unlabeled: Point[];
  steps: number;
  alpha: number;
  k: number;
}

const NAMES = ['A', 'B'];
const CLASSES = NAMES.length;
/** Width of the Gaussian affinity exp(−d² / σ²), in data units: about twice the spacing of neighbouring points on a moon. */
const SIGMA = 0.35;
const MAX_STEPS = 40;
const X = scale([-1.35, 2.35], [20, 620]);
const Y = scale([-0.9, 1.25], [400, 20]);
const at = (p: Point) => `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;

/** Two interleaved half-moons, 30 points each, with a little seeded jitter. */
function twoMoons(): Point[] {
  const random = seededRandom(11);
  const jitter = () => (random() - 0.5) * 0.18;
  return Array.from({ length: 60 }, (_, i) => {
    const t = (Math.PI * (i >> 1)) / 29;
    return i % 2 === 0 ? { x: Math.cos(t) + jitter(), y: Math.sin(t) + jitter() } : { x: 1 - Math.cos(t) + jitter(), y: 0.45 - Math.sin(t) + jitter() };
  });
}

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'label-propagation',
  title: 'Label propagation on a k-nearest-neighbour graph',
  topic: 'semi-supervised',
  papers: ['label-propagation-semi-supervised'],
  caption:
    'Sixty unlabelled points (circles) in two interleaved half-moons and one labelled point per class (squares). Every point is joined to its k nearest neighbours with weight exp(−d²/σ²); the weights are made symmetric and normalised, S = D^−1/2 W D^−1/2, and each step sets F ← αSF + (1 − α)Y: a point takes α of what its neighbours hold and gets 1 − α of its own label back (Y is zero for an unlabelled point). This is the propagation of Zhou et al. (2004). Labels travel along the graph’s edges, so they follow each moon as long as the graph does; a larger k adds edges across the gap (counted below the picture), and labels leak through them. A point is coloured by its larger score, paler when the two are close, and left hollow until some label reaches it. The CVPR 2019 paper spreads labels this way over a graph of the network’s own embeddings, with affinities from the embeddings’ cosine similarities rather than this Gaussian one, solves for the fixed point directly rather than step by step, and trains on the resulting pseudo-labels, each weighted by how certain it is.',
  howTo: 'Step with the button or the steps slider; change α and k with the sliders. Drag a labelled square, or focus it with Tab and move it with the arrow keys; Enter, Space or a click switches its class.',
};

const points = (state: State) => [...state.labeled, ...state.unlabeled];

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 640,
  height: 440,
  initial: () => ({
    labeled: [
      { x: -0.95, y: 0.35, label: 0 },
      { x: 1.95, y: 0.1, label: 1 },
    ],
    unlabeled: twoMoons(),
    steps: 0,
    alpha: 0.9,
    k: 4,
  }),
  sliders: [
    { name: 'steps', label: 'Steps', min: 0, max: MAX_STEPS, step: 1 },
    { name: 'alpha', label: 'α', min: 0, max: 0.99, step: 0.01 },
    { name: 'k', label: 'Neighbours k', min: 1, max: 12, step: 1 },
  ],
  actions: [
    { name: 'step', label: 'One more step' },
    { name: 'restart', label: 'Back to step 0' },
  ],
  handles: (state) =>
    state.labeled.map((p, i): Handle => ({ id: `l${i}`, x: X.to(p.x), y: Y.to(p.y), label: `Labelled point ${i + 1}, class ${NAMES[p.label]}, at ${at(p)}`, className: `class-${p.label}`, shape: 'square' })),
  moveHandle(state, id, x, y) {
    const target = state.labeled[Number(id.slice(1))];
    if (!target) return;
    target.x = clamp(X.from(x), -1.3, 2.3);
    target.y = clamp(Y.from(y), -0.85, 1.2);
  },
  values: (state) => ({ steps: state.steps, alpha: state.alpha, k: state.k }),
  setValue(state, name, value) {
    if (name === 'steps' || name === 'alpha' || name === 'k') state[name] = value;
  },
  act(state, name) {
    if (name === 'step') state.steps = Math.min(MAX_STEPS, state.steps + 1);
    if (name === 'restart') state.steps = 0;
    const relabel = /^activate:l(\d+)$/.exec(name);
    const target = relabel ? state.labeled[Number(relabel[1])] : undefined;
    if (target) target.label = (target.label + 1) % CLASSES;
  },
  draw(state, kernels) {
    const all = points(state);
    const data = Float32Array.from(all.flatMap((p) => [p.x, p.y]));
    const labels = all.map((_, i) => (i < state.labeled.length ? state.labeled[i]!.label : -1));
    const { scores, neighbours } = kernels.graph.propagate({ data, rows: all.length, cols: 2 }, labels, CLASSES, { k: state.k, sigma: SIGMA, alpha: state.alpha, iterations: state.steps });
    let scene = `<rect x="20" y="20" width="600" height="380" class="frame"/>`;
    all.forEach((p, i) => {
      for (let r = 0; r < state.k; r++) {
        const j = neighbours[i * state.k + r]!;
        // Draw each undirected edge once: a mutual pair only from its lower index.
        const mutual = Array.from(neighbours.subarray(j * state.k, (j + 1) * state.k)).includes(i);
        if (!mutual || i < j) scene += line(X.to(p.x), Y.to(p.y), X.to(all[j]!.x), Y.to(all[j]!.y), 'class="faint"');
      }
    });
    const counts = [0, 0];
    let unreached = 0;
    let ownMoon = 0;
    // Unlabelled points alternate between the upper moon (even) and the lower one (odd): a graph edge between the two crosses the gap.
    const moonOf = (i: number) => (i - state.labeled.length) % 2;
    const across = new Set<string>();
    for (let i = state.labeled.length; i < all.length; i++) {
      for (const j of neighbours.subarray(i * state.k, (i + 1) * state.k)) if (j >= state.labeled.length && moonOf(j) !== moonOf(i)) across.add(`${Math.min(i, j)}-${Math.max(i, j)}`);
    }
    state.unlabeled.forEach((p, u) => {
      const i = state.labeled.length + u;
      const [a, b] = [scores.data[i * 2]!, scores.data[i * 2 + 1]!];
      if (a + b <= 0) {
        unreached++;
        scene += `<circle cx="${n(X.to(p.x))}" cy="${n(Y.to(p.y))}" r="5" class="unreached"/>`;
        return;
      }
      const winner = a >= b ? 0 : 1;
      counts[winner]!++;
      if (winner === u % 2) ownMoon++;
      const confidence = Math.max(a, b) / (a + b);
      scene += `<circle cx="${n(X.to(p.x))}" cy="${n(Y.to(p.y))}" r="6" class="fill-c class-${winner}" fill-opacity="${n(0.25 + 1.5 * (confidence - 0.5), 2)}"/>`;
    });
    scene += text(20, 424, `step ${state.steps} · ${across.size} edges across the gap`, 'class="note"');
    scene += text(620, 424, `A ${counts[0]} · B ${counts[1]} · unreached ${unreached} · their moon’s class ${ownMoon}/60`, 'class="note" text-anchor="end"');
    const where = state.labeled.map((p, i) => `labelled point ${i + 1} (class ${NAMES[p.label]}) at ${at(p)}`).join(', ');
    return {
      scene,
      summary: `After ${state.steps} ${state.steps === 1 ? 'step' : 'steps'} with α = ${state.alpha} on a ${state.k}-nearest-neighbour graph, ${where}: of ${state.unlabeled.length} unlabelled points, ${counts[0]} lean to A, ${counts[1]} lean to B and ${unreached} have not been reached by any label yet; ${ownMoon} lean to the class of their own moon (A above, B below). ${across.size} of the graph’s edges cross the gap between the moons.`,
    };
  },
};

export default figure;
