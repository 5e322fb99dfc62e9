import type { Kernels } from '../../lib/kernels/index.ts';
import { drawListAxis, listAxis, listHandles, listLegend, moveListItem } from '../list-axis.ts';
import { arrow, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  positives: number[];
  negatives: number[];
  bins: number;
}

/** Squared Euclidean distances between unit vectors lie in [0, 4], the range FastAP's bins cover. */
const MAX = 4;
const AXIS = listAxis(78, 40, 424, MAX);
const HIST = { x: 200, width: 180 };
const CHART = { x: scale([1, 40], [424, 660]), y: scale([0, 1], [380, 220]) };
const LONGEST_ARROW = 40;

const signed = (v: number, digits = 2) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
const list = (state: State) => ({
  distances: Float32Array.from([...state.positives, ...state.negatives]),
  relevant: [...state.positives.map(() => 1), ...state.negatives.map(() => 0)],
});

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'fastap',
  title: 'FastAP: average precision from a histogram of distances',
  topic: 'dml-cvpr-2019',
  papers: ['fastap'],
  caption:
    'One query’s list: four positives and six negatives at squared Euclidean distances between unit vectors, which lie in [0, 4]. Exact average precision sorts the list and averages the precision at each positive. FastAP instead cuts the distance range into L bins and reads average precision off the histograms, as the area under the precision–recall curve: with h⁺ the positives and h all items in a bin, and H⁺, H their counts up to it, FastAP = (1/N⁺) Σ h⁺ H⁺ / H. To make it differentiable, each item is spread over its two nearest bin centres by a triangular kernel (soft binning), so FastAP has a gradient with respect to every distance; the arrows show it, the way gradient ascent on FastAP would move each item. The chart plots FastAP against L beside exact AP. Editorial: with few bins, positives and negatives share bins and FastAP departs from AP; with many, items of different distances fall in different bins and the two nearly agree.',
  howTo: 'Drag a positive or a negative down (nearer the query) or up (farther), or focus one with Tab and use the arrow keys; change the number of bins L with the slider.',
};

function chart(kernels: Kernels, state: State, exact: number): string {
  const { distances, relevant } = list(state);
  const points = Array.from({ length: 40 }, (_, i) => `${n(CHART.x.to(i + 1))} ${n(CHART.y.to(kernels.losses.fastAP(distances, relevant, i + 1, MAX).fastAP))}`);
  let out = `<rect x="424" y="220" width="236" height="160" class="frame"/>`;
  for (const v of [0, 0.5, 1]) out += text(416, CHART.y.to(v) + 5, String(v), 'text-anchor="end" class="note"');
  for (const l of [1, 20, 40]) out += text(CHART.x.to(l), 400, String(l), 'text-anchor="middle" class="note"');
  out += text(542, 422, 'number of bins L', 'text-anchor="middle" class="note"');
  out += line(424, CHART.y.to(exact), 660, CHART.y.to(exact), 'class="guide"');
  out += `<path d="M${points.join('L')}" class="boundary"/>`;
  out += `<circle cx="${n(CHART.x.to(state.bins))}" cy="${n(CHART.y.to(kernels.losses.fastAP(distances, relevant, state.bins, MAX).fastAP))}" r="5" class="fill-c query"/>`;
  out += line(400, 448, 428, 448, 'class="boundary"') + text(434, 453, 'FastAP', '') + line(520, 448, 548, 448, 'class="guide"') + text(554, 453, 'exact AP', '');
  return out;
}

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 680,
  height: 460,
  initial: () => ({ positives: [0.6, 1.15, 1.75, 2.5], negatives: [0.95, 1.45, 2.05, 2.3, 2.9, 3.35], bins: 10 }),
  sliders: [{ name: 'bins', label: 'Bins L', min: 1, max: 40, step: 1 }],
  actions: [],
  handles: (state) => listHandles(AXIS, state.positives, state.negatives),
  moveHandle(state, id, _x, y) {
    moveListItem(AXIS, state.positives, state.negatives, id, y);
  },
  values: (state) => ({ bins: state.bins }),
  setValue(state, name, value) {
    if (name === 'bins') state.bins = Math.round(value);
  },
  act() {},
  draw(state, kernels) {
    const { distances, relevant } = list(state);
    const exact = kernels.losses.averagePrecision(distances, relevant);
    const result = kernels.losses.fastAP(distances, relevant, state.bins, MAX);
    const width = MAX / state.bins;
    let scene = drawListAxis(AXIS, 'squared distance to the query');
    // The bins: a faint line at each centre, and the soft counts there as stacked bars (positives first).
    const counts = Array.from(result.histogramPositive, (p, l) => p + result.histogramNegative[l]!);
    const unit = Math.min(40, HIST.width / Math.max(...counts, 1));
    const thickness = Math.max(3, Math.min(16, 0.6 * Math.abs(AXIS.y.to(width) - AXIS.y.to(0))));
    scene += text(HIST.x, 24, 'soft histogram', 'class="note"');
    result.histogramPositive.forEach((p, l) => {
      const y = AXIS.y.to(l * width);
      const q = result.histogramNegative[l]!;
      scene += line(AXIS.x, y, HIST.x + HIST.width, y, 'class="faint"');
      if (p > 0) scene += `<rect x="${HIST.x}" y="${n(y - thickness / 2)}" width="${n(p * unit)}" height="${n(thickness)}" class="fill-c class-0"/>`;
      if (q > 0) scene += `<rect x="${n(HIST.x + p * unit)}" y="${n(y - thickness / 2)}" width="${n(q * unit)}" height="${n(thickness)}" class="fill-c class-1"/>`;
    });
    // Each item's gradient: an arrow the way gradient ascent on FastAP moves it (distance grows upwards), as long as its share of the largest.
    const largest = Math.max(...Array.from(result.gradient, Math.abs), 1e-12);
    result.gradient.forEach((g, i) => {
      const positive = i < state.positives.length;
      const x = (positive ? AXIS.positiveX : AXIS.negativeX) + 16;
      const y = AXIS.y.to(distances[i]!);
      const length = (g / largest) * LONGEST_ARROW;
      if (Math.abs(length) >= 2) scene += arrow(x, y, x, y - length, 'class="boundary"');
    });
    const rx = 400;
    scene += text(rx, 40, 'Average precision', 'class="panel-title"');
    scene += text(rx, 68, 'exact AP (sorted list)', 'class="note"') + text(668, 68, exact.toFixed(3), 'text-anchor="end"');
    scene += text(rx, 94, `FastAP, L = ${state.bins} (Δ = ${width.toFixed(2)})`, 'class="note"') + text(668, 94, result.fastAP.toFixed(3), 'text-anchor="end"');
    scene += text(rx, 120, 'difference', 'class="note"') + text(668, 120, signed(result.fastAP - exact, 3), 'text-anchor="end"');
    scene += listLegend(rx, 152) + arrow(rx + 6, 196, rx + 6, 174, 'class="boundary"') + text(rx + 18, 190, 'ascent on FastAP', '');
    scene += text(424, 212, 'FastAP against L', 'class="note"') + chart(kernels, state, exact);
    const grads = (from: number, to: number) => Array.from(result.gradient.subarray(from, to), (g) => signed(g)).join(', ');
    const summary =
      `Positives at ${state.positives.map((d) => d.toFixed(2)).join(', ')}; negatives at ${state.negatives.map((d) => d.toFixed(2)).join(', ')}. ` +
      `Exact AP ${exact.toFixed(3)}; FastAP with L = ${state.bins} bins of width ${width.toFixed(2)}: ${result.fastAP.toFixed(3)} (${signed(result.fastAP - exact, 3)} from exact). ` +
      `∂FastAP/∂d for the positives: ${grads(0, state.positives.length)}; for the negatives: ${grads(state.positives.length, distances.length)} (negative: moving nearer raises FastAP).`;
    return { scene, summary };
  },
};

export default figure;
