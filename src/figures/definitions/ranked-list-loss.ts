import { drawListAxis, listAxis, listHandles, listLegend, moveListItem } from '../list-axis.ts';
import { arrow, line, n, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  positives: number[];
  negatives: number[];
  alpha: number;
  margin: number;
  temperature: number;
}

/** Euclidean distances between unit vectors lie in [0, 2]. */
const MAX = 2;
const AXIS = listAxis(78, 40, 424, MAX);
const RIGHT = 380;
const LONGEST_ARROW = 46;
const at = (values: number[]) => values.map((d) => d.toFixed(2));

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'ranked-list-loss',
  title: 'Ranked List Loss: a margin between the positive and the negative list',
  topic: 'dml-cvpr-2019',
  papers: ['ranked-list-loss'],
  caption:
    'One query’s ranked list at Euclidean distances between unit vectors (0 to 2). Ranked List Loss asks that the query be closer to its positive set than to its negative set by a margin: every negative beyond a boundary α, every positive within α − m. Pairs already on the right side of their boundary are trivial and give no loss. A non-trivial positive costs d − (α − m), averaged over the non-trivial positives; a non-trivial negative costs α − d, weighted by exp(T (α − d)) normalised over the non-trivial negatives, so the nearer a negative, the larger its share. Positives are pulled only inside α − m, not onto the query: the paper keeps a hypersphere for each class rather than compressing it to a point. Arrows show each non-trivial item’s weight, the way the loss moves it; the panel lists the negatives’ weights. Editorial: here the two parts are simply added.',
  howTo: 'Drag a positive or a negative down (nearer the query) or up (farther), or focus one with Tab and use the arrow keys; set α, the margin m and the temperature T with the sliders.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 680,
  height: 460,
  initial: () => ({ positives: [0.35, 0.7, 0.95, 1.3], negatives: [0.85, 1.05, 1.15, 1.4, 1.7], alpha: 1.2, margin: 0.4, temperature: 10 }),
  sliders: [
    { name: 'alpha', label: 'α (negatives’ boundary)', min: 0.4, max: 1.8, step: 0.05 },
    { name: 'margin', label: 'Margin m', min: 0, max: 0.8, step: 0.05 },
    { name: 'temperature', label: 'Temperature T', min: 0, max: 40, step: 1 },
  ],
  actions: [],
  handles: (state) => listHandles(AXIS, state.positives, state.negatives),
  moveHandle(state, id, _x, y) {
    moveListItem(AXIS, state.positives, state.negatives, id, y);
  },
  values: (state) => ({ alpha: state.alpha, margin: state.margin, temperature: state.temperature }),
  setValue(state, name, value) {
    if (name === 'alpha' || name === 'margin' || name === 'temperature') state[name] = value;
  },
  act() {},
  draw(state, kernels) {
    const { alpha, margin, temperature } = state;
    const inner = Math.max(0, alpha - margin);
    const distances = Float32Array.from([...state.positives, ...state.negatives]);
    const relevant = [...state.positives.map(() => 1), ...state.negatives.map(() => 0)];
    const result = kernels.losses.rankedList(distances, relevant, { alpha, margin, temperature });
    const p = state.positives.length;
    let scene = `<rect x="${AXIS.x}" y="${n(AXIS.y.to(alpha))}" width="${RIGHT - AXIS.x}" height="${n(AXIS.y.to(inner) - AXIS.y.to(alpha))}" class="region query"/>`;
    scene += drawListAxis(AXIS, 'distance to the query', 0.5);
    if (AXIS.y.to(inner) - AXIS.y.to(alpha) > 30) scene += text(RIGHT - 4, (AXIS.y.to(alpha) + AXIS.y.to(inner)) / 2 + 5, 'margin m', 'text-anchor="end" class="note"');
    scene += line(AXIS.x, AXIS.y.to(inner), RIGHT, AXIS.y.to(inner), 'class="stroke-c class-0" stroke-width="2.5"') + text(RIGHT - 4, AXIS.y.to(inner) + 20, `α − m = ${(alpha - margin).toFixed(2)}`, 'text-anchor="end"');
    scene += line(AXIS.x, AXIS.y.to(alpha), RIGHT, AXIS.y.to(alpha), 'class="stroke-c class-1" stroke-width="2.5"') + text(RIGHT - 4, AXIS.y.to(alpha) - 6, `α = ${alpha.toFixed(2)}`, 'text-anchor="end"');
    // Each non-trivial item's push: down (nearer) for a positive, up (farther) for a negative, as long as its weight (1 → the longest arrow).
    result.weights.forEach((w, i) => {
      if (w <= 0) return;
      const positive = i < p;
      const x = (positive ? AXIS.positiveX : AXIS.negativeX) + 17;
      const y = AXIS.y.to(distances[i]!);
      const length = Math.max(6, w * LONGEST_ARROW);
      scene += arrow(x, y, x, positive ? y + length : y - length, 'class="boundary"');
    });
    const rx = 400;
    const parts: Array<[string, number]> = [['positives’ part L_P', result.lossPositive], ['negatives’ part L_N', result.lossNegative], ['loss L_P + L_N', result.loss]];
    scene += text(rx, 40, 'Ranked List Loss', 'class="panel-title"');
    parts.forEach(([label, value], k) => (scene += text(rx, 68 + k * 24, label, 'class="note"') + text(rx + 250, 68 + k * 24, value.toFixed(3), 'text-anchor="end"')));
    scene += text(rx, 152, 'weights on the negatives', 'class="note"');
    state.negatives.forEach((d, k) => {
      const y = 178 + k * 24;
      const w = result.weights[p + k]!;
      scene += text(rx, y, `${k + 1}`, '') + text(rx + 18, y, d.toFixed(2), 'class="note"');
      scene += w > 0 ? `<rect x="${rx + 64}" y="${y - 12}" width="${n(Math.max(1, w * 140))}" height="14" class="fill-c class-1"/>` + text(rx + 250, y, w.toFixed(2), 'text-anchor="end"') : text(rx + 64, y, 'trivial', 'class="note"');
    });
    const hard = state.positives.filter((d) => d > alpha - margin);
    const positivesLine = hard.length > 0 ? `positives pulled: ${hard.length}, 1/${hard.length} each` : 'no positive pulled';
    scene += text(rx, 178 + state.negatives.length * 24 + 8, positivesLine, 'class="note"');
    scene += listLegend(rx, 420) + arrow(rx + 6, 432, rx + 6, 452, 'class="boundary"') + text(rx + 18, 448, 'push, as long as its weight', 'class="note"');
    const negatives = state.negatives.map((d, k) => ({ d, k, w: result.weights[p + k]! }));
    const pushed = negatives.filter((x) => x.w > 0);
    const summary =
      `α = ${alpha.toFixed(2)}, α − m = ${(alpha - margin).toFixed(2)}, T = ${temperature}. Positives at ${at(state.positives).join(', ')}; negatives at ${at(state.negatives).join(', ')}. ` +
      `${hard.length > 0 ? `Still pulled (beyond α − m): ${hard.length} ${hard.length === 1 ? 'positive' : 'positives'}, at ${at(hard).join(', ')}, weight ${(1 / hard.length).toFixed(2)} each` : 'Every positive is within α − m'}; L_P = ${result.lossPositive.toFixed(3)}. ` +
      `${pushed.length > 0 ? `Still pushed (nearer than α): ${pushed.map((x) => `negative ${x.k + 1} at ${x.d.toFixed(2)}, weight ${x.w.toFixed(2)}`).join('; ')}` : 'Every negative is beyond α'}; L_N = ${result.lossNegative.toFixed(3)}. Loss ${result.loss.toFixed(3)}.`;
    return { scene, summary };
  },
};

export default figure;
