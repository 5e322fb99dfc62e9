import type { Matrix } from '../../lib/kernels/index.ts';
import { seededRandom as random } from '../../lib/random.ts';
import { clamp, diamond, line, n, scale } from '../svg.ts';
import type { FigureDefinition, FigureMeta, Handle } from '../types.ts';

interface Point {
  x: number;
  y: number;
}
interface State {
  labeled: Array<Point & { label: number }>;
  unlabeled: Point[];
  steps: number;
  temperature: number;
  seed: number;
}

const NAMES = ['A', 'B'];
const X = scale([-3, 3], [20, 620]);
const Y = scale([-2, 2], [400, 20]);
const matrix = (points: Point[]): Matrix => ({ data: Float32Array.from(points.flatMap((p) => [p.x, p.y])), rows: points.length, cols: 2 });
const at = (p: Point) => `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;

/** Unlabeled points around two centres that sit away from the labeled ones, so refinement has somewhere to go. */
function unlabeledAround(seed: number): Point[] {
  const rand = random(seed);
  const centres = [
    { x: -0.8, y: -0.9 },
    { x: 1.9, y: 0.2 },
  ];
  return Array.from({ length: 10 }, (_, i) => {
    const c = centres[i % 2]!;
    return { x: c.x + (rand() - 0.5) * 1.4, y: c.y + (rand() - 0.5) * 1.4 };
  });
}

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'soft-kmeans',
  title: 'Refining prototypes with unlabeled points',
  topic: 'few-shot-learning',
  papers: ['meta-learning-semi-supervised-few-shot'],
  caption:
    'Two classes with two labeled points each (filled) and a set of unlabeled points (rings). Each refinement step is one soft k-means step: every unlabeled point is assigned to the prototypes softly, by a softmax over negative squared distances, and each prototype moves to the weighted mean of its labeled points and its share of the unlabeled ones. This is the refinement of Ren et al. (2018), who draw the unlabeled points as a separate set in each episode (in some variants with distractor classes that belong to no class of the episode) and found little gain beyond one step; the lab and the Evaluation page refine with the episode’s own queries instead, which makes them transductive. Lines show each unlabeled point’s assignment (thicker is more); the dotted path is the prototype’s way from its labeled-only start.',
  howTo: 'Move the steps slider to step through the refinement; drag points, or move them with the arrow keys after Tab.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 640,
  height: 420,
  initial: () => ({
    labeled: [
      { x: -2, y: 0.6, label: 0 },
      { x: -1.5, y: 1.2, label: 0 },
      { x: 0.9, y: 1.3, label: 1 },
      { x: 1.4, y: 1.6, label: 1 },
    ],
    unlabeled: unlabeledAround(7),
    steps: 0,
    temperature: 1,
    seed: 7,
  }),
  sliders: [
    { name: 'steps', label: 'Refinement steps', min: 0, max: 8, step: 1 },
    { name: 'temperature', label: 'Temperature', min: 0.25, max: 4, step: 0.25 },
  ],
  actions: [
    { name: 'add', label: 'Add an unlabeled point' },
    { name: 'remove', label: 'Remove the last unlabeled point' },
  ],
  handles: (state) => [
    ...state.labeled.map((p, i): Handle => ({ id: `l${i}`, x: X.to(p.x), y: Y.to(p.y), label: `Labeled point ${(i % 2) + 1} of class ${NAMES[p.label]} at ${at(p)}`, className: `class-${p.label}`, shape: 'square' })),
    ...state.unlabeled.map((p, i): Handle => ({ id: `u${i}`, x: X.to(p.x), y: Y.to(p.y), label: `Unlabeled point ${i + 1} at ${at(p)}`, className: 'query' })),
  ],
  moveHandle(state, id, x, y) {
    const target = id.startsWith('l') ? state.labeled[Number(id.slice(1))] : state.unlabeled[Number(id.slice(1))];
    if (!target) return;
    target.x = clamp(X.from(x), -2.9, 2.9);
    target.y = clamp(Y.from(y), -1.9, 1.9);
  },
  values: (state) => ({ steps: state.steps, temperature: state.temperature }),
  setValue(state, name, value) {
    if (name === 'steps') state.steps = value;
    if (name === 'temperature') state.temperature = value;
  },
  act(state, name) {
    if (name === 'add') {
      state.seed++;
      const rand = random(state.seed);
      state.unlabeled.push({ x: (rand() - 0.5) * 4, y: (rand() - 0.5) * 2.6 });
    }
    if (name === 'remove') state.unlabeled.pop();
  },
  draw(state, kernels) {
    const labels = state.labeled.map((p) => p.label);
    const labeled = matrix(state.labeled);
    let scene = `<rect x="20" y="20" width="600" height="380" class="frame"/>`;
    if (state.unlabeled.length === 0) {
      const start = kernels.prototypes(labeled, labels, 2).prototypes;
      for (let c = 0; c < 2; c++) scene += diamond(X.to(start.data[c * 2]!), Y.to(start.data[c * 2 + 1]!), 7, `class-${c}`);
      return { scene, summary: 'No unlabeled points: the prototypes are the means of the labeled points. Add unlabeled points to refine them.' };
    }
    const unlabeled = matrix(state.unlabeled);
    // The prototypes after 0, 1, …, steps refinement steps: the path each one takes.
    const path = Array.from({ length: state.steps + 1 }, (_, k) => kernels.refine('euclidean', labeled, labels, 2, unlabeled, k, state.temperature));
    const current = path.at(-1)!;
    const assignments = kernels.probabilities(kernels.distances('euclidean', unlabeled, current), state.temperature).data;
    state.unlabeled.forEach((p, j) => {
      for (let c = 0; c < 2; c++) {
        const z = assignments[j * 2 + c]!;
        if (z < 0.02) continue;
        scene += line(X.to(p.x), Y.to(p.y), X.to(current.data[c * 2]!), Y.to(current.data[c * 2 + 1]!), `class="stroke-c class-${c}" stroke-width="${n(0.5 + 4 * z)}" stroke-opacity="${n(0.15 + 0.5 * z, 2)}"`);
      }
    });
    for (let c = 0; c < 2; c++) {
      const points = path.map((m) => `${n(X.to(m.data[c * 2]!))} ${n(Y.to(m.data[c * 2 + 1]!))}`);
      if (points.length > 1) scene += `<path d="M${points.join('L')}" class="stroke-c class-${c}" stroke-width="2" stroke-dasharray="2 4"/>`;
      const [sx, sy] = points[0]!.split(' ').map(Number) as [number, number];
      scene += `<circle cx="${sx}" cy="${sy}" r="5" class="stroke-c class-${c}" stroke-width="2"/>`;
      const px = X.to(current.data[c * 2]!);
      const py = Y.to(current.data[c * 2 + 1]!);
      scene += diamond(px, py, 8, `class-${c}`);
    }
    const start = path[0]!;
    const moves = [0, 1].map((c) => `prototype ${NAMES[c]} ${at({ x: start.data[c * 2]!, y: start.data[c * 2 + 1]! })} → ${at({ x: current.data[c * 2]!, y: current.data[c * 2 + 1]! })}`);
    const leaning = state.unlabeled.filter((_, j) => assignments[j * 2]! >= 0.5).length;
    return {
      scene,
      summary: `After ${state.steps} ${state.steps === 1 ? 'step' : 'steps'} at temperature ${state.temperature}: ${moves.join('; ')}. Of ${state.unlabeled.length} unlabeled points, ${leaning} lean to A and ${state.unlabeled.length - leaning} to B.`,
    };
  },
};

export default figure;
