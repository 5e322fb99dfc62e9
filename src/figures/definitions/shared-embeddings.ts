import type { Kernels } from '../../lib/kernels/index.ts';
import { lineChart } from '../line-chart.ts';
import { clamp, line, scale, text } from '../svg.ts';
import { ITEMS, startingTable, toyTask, USERS } from '../toy-ratings.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  p: number;
  dim: number;
  epochs: number;
  seed: number;
}

const GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
const RATE = 0.05;
/** Each run's train and test error is the mean over its last TAIL epochs: with swaps, SGD keeps moving. */
const TAIL = 10;
const PAD_X = scale([0, 0.5], [40, 220]);
const PAD_Y = scale([1, 16], [270, 60]);

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'shared-embeddings',
  title: 'Stochastic shared embeddings on a toy recommender',
  topic: 'stochastic-shared-embeddings',
  papers: ['stochastic-shared-embeddings'],
  caption:
    'A toy recommendation task, trained live: 30 users and 30 items whose ratings come from hidden two-dimensional factors plus noise; 30 % of the user–item pairs are for training and as many others are held out. The model keeps an embedding table per side, rows of size d, and predicts a rating as ⟨user row, item row⟩, trained by plain SGD with no other regularisation. With probability p, each step first swaps the user for one drawn uniformly, and independently the item, and updates the swapped rows: stochastic shared embeddings in the spirit of the paper’s SSE-SE, the variant that uses no prior knowledge of which rows are alike. The square sets p and d; the middle chart follows the train and test error, epoch by epoch, for the chosen p (and faintly for p = 0); the right one gives both, averaged over the last ten epochs, for p from 0 to 0.5, the gap between them shaded. At p = 0, rows of size 2, the hidden factors’ size, overfit far less than rows of size 12 or 16. On this small, noisy task the gap narrows as p grows, though not at every step, and mostly because the training error rises: the test error does not fall. The paper’s abstract reports that on its six tasks SSE further reduced overfitting when used along with weight decay and dropout, often with better generalisation.',
  howTo: 'Drag the point in the square (across: the swap probability p; up: the embedding size d), or focus it with Tab and use the arrow keys; change the epochs with the slider and draw a new task with the button.',
};

function run(kernels: Kernels, state: State, p: number) {
  const task = toyTask(state.seed, 0.3);
  const curves = kernels.sharing.train(startingTable(USERS, state.dim, state.seed + 1), startingTable(ITEMS, state.dim, state.seed + 2), task.train, task.test, { epochs: state.epochs, rate: RATE, swap: p, seed: state.seed + 3 });
  const tail = (column: number) => {
    let s = 0;
    for (let e = state.epochs - TAIL; e < state.epochs; e++) s += curves.data[2 * e + column]!;
    return s / TAIL;
  };
  return { curves, train: tail(0), test: tail(1) };
}

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 800,
  height: 330,
  initial: () => ({ p: 0.2, dim: 12, epochs: 60, seed: 1 }),
  sliders: [{ name: 'epochs', label: 'Epochs', min: 20, max: 100, step: 10 }],
  actions: [{ name: 'task', label: 'New task' }],
  handles: (state) => [{ id: 'setting', x: PAD_X.to(state.p), y: PAD_Y.to(state.dim), label: `Swap probability p = ${state.p.toFixed(2)}, embedding size d = ${state.dim}`, className: 'class-1' }],
  moveHandle(state, _id, x, y) {
    state.p = Math.round(clamp(PAD_X.from(x), 0, 0.5) * 100) / 100;
    state.dim = Math.round(clamp(PAD_Y.from(y), 1, 16));
  },
  values: (state) => ({ epochs: state.epochs }),
  setValue(state, name, value) {
    if (name === 'epochs') state.epochs = value;
  },
  act(state, name) {
    if (name === 'task') state.seed += 10;
  },
  draw(state, kernels) {
    const chosen = run(kernels, state, state.p);
    const plain = run(kernels, state, 0);
    const sweep = GRID.map((p) => ({ p, ...run(kernels, state, p) }));
    let scene = `<rect x="${PAD_X.to(0)}" y="${PAD_Y.to(16)}" width="${PAD_X.to(0.5) - PAD_X.to(0)}" height="${PAD_Y.to(1) - PAD_Y.to(16)}" class="frame"/>`;
    scene += text(20, 30, 'Setting', 'class="panel-title"');
    for (const d of [1, 4, 8, 12, 16]) scene += text(PAD_X.to(0) - 6, PAD_Y.to(d) + 5, String(d), 'class="note" text-anchor="end"') + line(PAD_X.to(0), PAD_Y.to(d), PAD_X.to(0.5), PAD_Y.to(d), 'class="faint"');
    for (const p of [0, 0.25, 0.5]) scene += text(PAD_X.to(p), PAD_Y.to(1) + 20, String(p), 'class="note" text-anchor="middle"');
    scene += text(PAD_X.to(0.25), 318, 'swap probability p', 'class="note" text-anchor="middle"') + text(PAD_X.to(0), 50, 'd', 'class="note" text-anchor="end"');
    const epochs = Array.from({ length: state.epochs }, (_, e) => e + 1);
    const column = (c: { data: Float32Array }, k: number) => epochs.map((e) => c.data[2 * (e - 1) + k]!);
    scene += lineChart({ left: 290, top: 30, width: 220, height: 220, title: 'Error by epoch', xLabel: 'epoch', xs: epochs, xTicks: [1, state.epochs], series: [
      { values: column(plain.curves, 0), className: 'faint' },
      { values: column(plain.curves, 1), className: 'faint', dashed: true },
      { values: column(chosen.curves, 0), className: 'stroke-c class-1' },
      { values: column(chosen.curves, 1), className: 'stroke-c class-3', dashed: true },
    ] });
    scene += lineChart({ left: 570, top: 30, width: 210, height: 220, title: 'Error against p', xLabel: 'p', xs: GRID, xTicks: [0, 0.25, 0.5], marker: state.p, gap: true, series: [
      { values: sweep.map((s) => s.train), className: 'stroke-c class-1' },
      { values: sweep.map((s) => s.test), className: 'stroke-c class-3', dashed: true },
    ] });
    scene += text(290, 320, 'solid: train · dashed: test (RMSE)', 'class="note"');
    const gap = (r: { train: number; test: number }) => (r.test - r.train).toFixed(3);
    return {
      scene,
      summary: `Embedding size d = ${state.dim}, ${state.epochs} epochs. At swap probability p = ${state.p.toFixed(2)}: train RMSE ${chosen.train.toFixed(3)}, test RMSE ${chosen.test.toFixed(3)}, gap ${gap(chosen)}. Without swaps (p = 0): train ${plain.train.toFixed(3)}, test ${plain.test.toFixed(3)}, gap ${gap(plain)}. At p = 0.5 the gap is ${gap(sweep.at(-1)!)}.`,
    };
  },
};

export default figure;
