import type { Matrix, Metric } from '../../lib/kernels/index.ts';
import { clamp, diamond, line, regions, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta, Handle } from '../types.ts';

interface Point {
  x: number;
  y: number;
  label: number;
}
interface State {
  supports: Point[];
  query: { x: number; y: number };
}

const CLASS_NAMES = ['A', 'B', 'C'];
const PANELS: Array<{ metric: Metric; title: string }> = [
  { metric: 'euclidean', title: 'Squared Euclidean' },
  { metric: 'cosine', title: 'Cosine' },
  { metric: 'poincare', title: 'Poincaré (in the unit ball)' },
];
const SIZE = 300;
const TOP = 40;
const LEFT = [10, 330, 650];
const GRID = 40;
const LIMIT = 2;
const panelScales = (p: number) => ({ x: scale([-LIMIT, LIMIT], [LEFT[p]!, LEFT[p]! + SIZE]), y: scale([-LIMIT, LIMIT], [TOP + SIZE, TOP]) });

/** Cell centres of the grid in data coordinates, row by row from the top. */
const GRID_POINTS: Matrix = (() => {
  const data = new Float32Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      data[(r * GRID + c) * 2] = -LIMIT + ((c + 0.5) * 2 * LIMIT) / GRID;
      data[(r * GRID + c) * 2 + 1] = LIMIT - ((r + 0.5) * 2 * LIMIT) / GRID;
    }
  }
  return { data, rows: GRID * GRID, cols: 2 };
})();

const at = (p: { x: number; y: number }) => `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'prototype-classifier',
  title: 'A prototype classifier under three distances',
  topic: 'few-shot-learning',
  papers: [],
  caption:
    'Three classes with three support points each. Each class is represented by its prototype, the mean of its support points (Prototypical Networks, Snell et al., 2017), and every location is shaded by the class whose prototype is nearest. The same points are classified with squared Euclidean distance (straight boundaries), cosine distance (boundaries are rays from the origin: only direction counts) and Poincaré distance, where the points are first mapped into the unit ball by the exponential map at the origin, exp₀(x) = tanh(‖x‖) x / ‖x‖, as the lab does. The Poincaré prototype is therefore exp₀ of the Euclidean mean of the support points, not a hyperbolic mean (such as the Fréchet mean in the ball) of their images. The star is a query.',
  howTo: 'Drag a point or the star, or focus one with Tab and move it with the arrow keys (Shift for larger steps).',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 960,
  height: 350,
  initial: () => ({
    supports: [
      { x: 0.35, y: 0.45, label: 0 },
      { x: 0.6, y: 0.3, label: 0 },
      { x: 0.25, y: 0.75, label: 0 },
      { x: 1.3, y: 1.2, label: 1 },
      { x: 1.65, y: 0.85, label: 1 },
      { x: 1.05, y: 1.6, label: 1 },
      { x: -1.0, y: -0.6, label: 2 },
      { x: -0.5, y: -1.2, label: 2 },
      { x: -1.3, y: -1.1, label: 2 },
    ],
    query: { x: 1.1, y: 0.55 },
  }),
  sliders: [],
  actions: [{ name: 'reset', label: 'Reset the points' }],
  handles(state) {
    const handles: Handle[] = [];
    PANELS.forEach((_, p) => {
      const { x, y } = panelScales(p);
      state.supports.forEach((s, i) =>
        handles.push({
          id: `s${i}@${p}`,
          x: x.to(s.x),
          y: y.to(s.y),
          label: `Support point ${(i % 3) + 1} of class ${CLASS_NAMES[s.label]} at ${at(s)}`,
          className: `class-${s.label}`,
          pointerOnly: p > 0,
        }),
      );
      handles.push({ id: `q@${p}`, x: x.to(state.query.x), y: y.to(state.query.y), label: `Query at ${at(state.query)}`, className: 'query', shape: 'star', pointerOnly: p > 0 });
    });
    return handles;
  },
  moveHandle(state, id, px, py) {
    const [name, panel] = id.split('@') as [string, string];
    const { x, y } = panelScales(Number(panel));
    const target = name === 'q' ? state.query : state.supports[Number(name.slice(1))]!;
    target.x = clamp(x.from(px), -LIMIT * 0.95, LIMIT * 0.95);
    target.y = clamp(y.from(py), -LIMIT * 0.95, LIMIT * 0.95);
  },
  values: () => ({}),
  setValue() {},
  act(state, name) {
    if (name === 'reset') Object.assign(state, figure.initial());
  },
  draw(state, kernels) {
    const supports: Matrix = { data: Float32Array.from(state.supports.flatMap((s) => [s.x, s.y])), rows: state.supports.length, cols: 2 };
    const labels = state.supports.map((s) => s.label);
    const prototypes = kernels.prototypes(supports, labels, 3).prototypes;
    const query: Matrix = { data: Float32Array.of(state.query.x, state.query.y), rows: 1, cols: 2 };
    let scene = '';
    const verdicts: string[] = [];
    PANELS.forEach(({ metric, title }, p) => {
      const { x, y } = panelScales(p);
      const nearest = kernels.nearest(kernels.distances(metric, GRID_POINTS, prototypes)).index;
      const probabilities = kernels.probabilities(kernels.distances(metric, query, prototypes)).data;
      const winner = probabilities.indexOf(Math.max(...probabilities));
      verdicts.push(`${title}: class ${CLASS_NAMES[winner]} (${(100 * probabilities[winner]!).toFixed(0)} %)`);
      scene += text(LEFT[p]! + SIZE / 2, 26, title, 'class="panel-title" text-anchor="middle"');
      scene += `<g shape-rendering="crispEdges">${regions(nearest, GRID, GRID, LEFT[p]!, TOP, SIZE / GRID, (label) => `class-${label}`)}</g>`;
      scene += `<rect x="${LEFT[p]}" y="${TOP}" width="${SIZE}" height="${SIZE}" class="frame"/>`;
      scene += line(x.to(0), TOP, x.to(0), TOP + SIZE, 'class="axis"') + line(LEFT[p]!, y.to(0), LEFT[p]! + SIZE, y.to(0), 'class="axis"');
      for (let c = 0; c < 3; c++) {
        const px = x.to(prototypes.data[c * 2]!);
        const py = y.to(prototypes.data[c * 2 + 1]!);
        scene += diamond(px, py, 7, `class-${c}`);
      }
      scene += text(LEFT[p]! + 8, TOP + SIZE - 8, `query → ${CLASS_NAMES[winner]}`, 'class="note"');
    });
    const protoText = [0, 1, 2].map((c) => `${CLASS_NAMES[c]} at ${at({ x: prototypes.data[c * 2]!, y: prototypes.data[c * 2 + 1]! })}`).join(', ');
    return { scene, summary: `Query at ${at(state.query)}. ${verdicts.join('; ')}. Prototypes (diamonds): ${protoText}.` };
  },
};

export default figure;
