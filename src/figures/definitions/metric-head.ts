import type { HeadLoss, Kernels, Matrix } from '../../lib/kernels/index.ts';
import { headSimilarities, trainHead, type TrainedHead } from '../../lib/fewshot/head-train.ts';
import { HEAD_LOSSES, headLossInfo } from '../../lib/fewshot/head-losses.ts';
import { arrow, line, n, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

/**
 * The lab's "Learn a metric from my examples" on a toy set: unit vectors in
 * 2-D (points on a circle), class proxies trained from the prototypes by the
 * chosen loss with the same kernels, step by step.
 */
interface State {
  angles: number[];
  labels: number[];
  loss: HeadLoss;
  steps: number;
}

// The ring (radius RING, stroke 14) reaches 7 px from the top and bottom: the drawing fills its height.
const CX = 200;
const CY = 182;
const R = 140;
const RING = 168;
const NAMES = ['A', 'B', 'C'];
const DIRECTIONS = 120;
const toRadians = (d: number) => (d * Math.PI) / 180;
const position = (angle: number, r = R) => ({ x: CX + r * Math.cos(angle), y: CY - r * Math.sin(angle) });
const degrees = (angle: number) => Math.round((((angle * 180) / Math.PI) % 360 + 360) % 360);
const directionOf = (m: Matrix, r: number) => Math.atan2(m.data[2 * r + 1]!, m.data[2 * r]!);

function supports(state: State): Matrix {
  return { data: Float32Array.from(state.angles.flatMap((a) => [Math.cos(a), Math.sin(a)])), rows: state.angles.length, cols: 2 };
}

/** The head after `steps` steps, and each proxy's direction every few steps (its path). */
function train(state: State, kernels: Kernels): { head: TrainedHead | null; prototypes: Matrix; paths: number[][] } {
  const x = supports(state);
  const labels = Int32Array.from(state.labels);
  const prototypes = kernels.normalize(kernels.prototypes(x, labels, 3).prototypes, 'l2');
  if (state.steps === 0) return { head: null, prototypes, paths: [] };
  const paths: number[][] = [];
  const head = trainHead(kernels, { x, labels, classes: 3 }, { loss: state.loss, steps: state.steps, rate: headLossInfo(state.loss).rate }, (_, __, proxies) => {
    const p = proxies();
    for (let r = 0; r < p.rows; r++) (paths[r] ??= []).push(directionOf(p, r));
  }, 5);
  return { head, prototypes, paths };
}

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'metric-head',
  title: 'Learning a metric from a few examples: class proxies trained by four losses',
  topic: 'dml-iccv-2019-cvpr-2020',
  papers: ['softtriple-loss', 'circle-loss', 'multi-similarity-loss'],
  caption:
    'Three classes of examples on a circle (unit vectors in two dimensions). At step 0 each class is its prototype, the mean direction of its examples (dashed), and the ring shows which class every direction on the circle goes to. Training moves one proxy per class (arrows; two per class for SoftTriple) from the prototypes, by gradient descent with momentum on the chosen loss, with the examples themselves fixed: normalised softmax over cosine similarities to the proxies (as in NormFace and ProxyNCA++, which are not in the survey), SoftTriple (Qian et al., 2019), and Multi-Similarity (Wang et al., 2019) and Circle loss (Sun et al., 2020) with each example as an anchor and the other examples and the proxies as its pairs. Dotted paths are the proxies’ way. Class A is spread out, so its prototype hands its example at 60° to the tight class B. With the figure’s defaults, the proxies of normalised softmax and SoftTriple take it back by step 5; Multi-Similarity and Circle loss barely lower their loss (0.620 → 0.619 and 5.771 → 5.759 in 100 steps) and leave it with B at every step the slider offers. This is what the lab’s “Learn a metric from my examples” does with a model’s embeddings, with the same kernels.',
  howTo: 'Choose a loss with its button and move the training-steps slider; drag an example, or focus it with Tab and move it with the arrow keys.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 660,
  height: 364,
  initial: () => ({ angles: [-60, -30, 30, 60, 80, 88, 95, 102, 180, 200, 220].map(toRadians), labels: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2], loss: 'norm-softmax', steps: 0 }),
  sliders: [{ name: 'steps', label: 'Training steps', min: 0, max: 200, step: 5 }],
  actions: HEAD_LOSSES.map((l) => ({ name: `loss:${l.id}`, label: l.short })),
  handles: (state) =>
    state.angles.map((angle, i) => ({ id: `p${i}`, ...position(angle), label: `Example ${i + 1}, class ${NAMES[state.labels[i]!]}, at ${degrees(angle)}°`, className: `class-${state.labels[i]}` })),
  moveHandle(state, id, x, y) {
    if (x === CX && y === CY) return;
    state.angles[Number(id.slice(1))] = Math.atan2(CY - y, x - CX);
  },
  values: (state) => ({ steps: state.steps }),
  setValue(state, name, value) {
    if (name === 'steps') state.steps = value;
  },
  act(state, name) {
    const loss = HEAD_LOSSES.find((l) => `loss:${l.id}` === name);
    if (loss) state.loss = loss.id;
  },
  draw(state, kernels) {
    const { head, prototypes, paths } = train(state, kernels);
    const circle: Matrix = { data: new Float32Array(DIRECTIONS * 2), rows: DIRECTIONS, cols: 2 };
    for (let k = 0; k < DIRECTIONS; k++) (circle.data[2 * k] = Math.cos((2 * Math.PI * k) / DIRECTIONS)), (circle.data[2 * k + 1] = Math.sin((2 * Math.PI * k) / DIRECTIONS));
    // At step 0 the prototypes score as a head of one proxy per class would: by cosine.
    const scorer: TrainedHead = head ?? { options: { loss: state.loss, steps: 0, rate: headLossInfo(state.loss).rate }, classes: 3, centres: 1, proxies: prototypes, losses: [] };
    const similarity = headSimilarities(kernels, scorer, circle);
    const winner = (row: number) => {
      const s = similarity.data.subarray(row * 3, row * 3 + 3);
      return s.indexOf(Math.max(...s));
    };
    // The ring: which class each direction on the circle goes to.
    let scene = '';
    for (let k = 0; k < DIRECTIONS; k++) {
      const a0 = position((2 * Math.PI * k) / DIRECTIONS, RING);
      const a1 = position((2 * Math.PI * (k + 1)) / DIRECTIONS, RING);
      scene += `<path d="M${n(a0.x)} ${n(a0.y)}A${RING} ${RING} 0 0 0 ${n(a1.x)} ${n(a1.y)}" class="stroke-c class-${winner(k)}" stroke-width="14" stroke-opacity="0.55"/>`;
    }
    scene += `<circle cx="${CX}" cy="${CY}" r="${R}" class="faint"/>`;
    for (let c = 0; c < 3; c++) {
      const p = position(directionOf(prototypes, c), R * 0.8);
      scene += line(CX, CY, p.x, p.y, `class="guide"`);
    }
    const { proxies, centres } = scorer;
    paths.forEach((path, r) => {
      const points = path.map((a) => position(a, R * 0.8));
      if (points.length > 1) scene += `<polyline points="${points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" class="stroke-c class-${Math.floor(r / centres)}" stroke-dasharray="2 3" stroke-width="2"/>`;
    });
    for (let r = 0; r < proxies.rows; r++) {
      const p = position(directionOf(proxies, r), R * 0.8);
      scene += arrow(CX, CY, p.x, p.y, `class="stroke-c class-${Math.floor(r / centres)}" stroke-width="3"`);
    }
    const x = supports(state);
    const own = headSimilarities(kernels, scorer, x);
    const wrong = state.labels.map((label, i) => ({ i, label, given: Array.from(own.data.subarray(i * 3, i * 3 + 3)).reduce((best, s, c, all) => (s > all[best]! ? c : best), 0) })).filter((e) => e.given !== e.label);
    const info = headLossInfo(state.loss);
    const tx = 400;
    scene += text(tx, 34, info.short, 'class="panel-title"');
    scene += text(tx, 58, state.steps === 0 ? 'Step 0: the prototypes' : `After ${state.steps} steps, rate ${info.rate}`, 'class="note"');
    if (head) {
      const losses = head.losses;
      const top = Math.max(...losses, 1e-9);
      const px = (i: number) => tx + (i / Math.max(1, losses.length - 1)) * 230;
      const py = (v: number) => 190 - (v / top) * 100;
      scene += line(tx, 190, tx + 230, 190, 'class="axis"') + line(tx, 90, tx, 190, 'class="axis"');
      scene += `<polyline points="${losses.map((v, i) => `${n(px(i))},${n(py(v))}`).join(' ')}" class="boundary" stroke-width="2"/>`;
      scene += text(tx, 84, `loss ${losses[0]!.toFixed(3)} → ${(losses.at(-1) ?? 0).toFixed(3)}`, 'class="note"');
    }
    scene += text(tx, 230, `Given to another class: ${wrong.length}`, '');
    wrong.slice(0, 4).forEach((e, k) => (scene += text(tx, 254 + 22 * k, `example ${e.i + 1} (${NAMES[e.label]}) → ${NAMES[e.given]}`, 'class="note"')));
    const directions = Array.from({ length: proxies.rows }, (_, r) => `${NAMES[Math.floor(r / centres)]} ${degrees(directionOf(proxies, r))}°`).join(', ');
    return {
      scene,
      summary: `${info.label}, ${state.steps} training steps. ${head ? 'Proxies' : 'Prototypes'} at ${directions}. ${wrong.length === 0 ? 'Every example is nearest its own class.' : `Given to another class: ${wrong.map((e) => `example ${e.i + 1} (class ${NAMES[e.label]}) to ${NAMES[e.given]}`).join('; ')}.`}${head ? ` Loss ${head.losses[0]!.toFixed(3)} at the start, ${head.losses.at(-1)!.toFixed(3)} at the end.` : ''}`,
    };
  },
};

export default figure;
