import type { Matrix } from '../../lib/kernels/index.ts';
import { seededRandom } from '../../lib/random.ts';
import { clamp, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta, Handle } from '../types.ts';

interface State {
  offset: number;
  gain: number;
  noise: number;
  /** What the reader dragged each of b's values by, on top of gain · a + offset + noise. */
  nudges: number[];
}

const SIZE = 16;
const X = scale([-0.5, SIZE - 0.5], [40, 460]);
const Y = scale([-3, 3], [330, 20]);
/** The anchor: a fixed, wavy embedding. */
const ANCHOR = Array.from({ length: SIZE }, (_, i) => Math.sin(i * 0.9) + 0.4 * Math.cos(i * 2.3));
const NOISE = (() => {
  const random = seededRandom(5);
  return Array.from({ length: SIZE }, () => random() * 2 - 1);
})();

const other = (state: State) => ANCHOR.map((a, i) => state.gain * a + state.offset + state.noise * NOISE[i]! + state.nudges[i]!);
const row = (values: number[]): Matrix => ({ data: Float32Array.from(values), rows: 1, cols: values.length });

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'snr-distance',
  title: 'SNR distance against Euclidean distance',
  topic: 'dml-cvpr-2019',
  papers: ['snr-distance-metric'],
  caption:
    'Two embeddings of sixteen numbers each: an anchor a (solid) and b = scale · a + offset + noise (dashed). Squared Euclidean distance adds up every difference, so a constant offset or a change of scale counts as much as noise does. The SNR distance of the Signal-To-Noise Ratio paper treats b as the anchor plus noise and measures var(b − a) / var(a), the noise’s variance over the signal’s. It is invariant to offsets, not to scale: a constant offset leaves it unchanged, but b = s · a, which has exactly a’s shape, gives (s − 1)², so at scale 2 the distance is 1 with no noise at all (the panel shows this term). Note that it is not symmetric: the anchor’s variance is the yardstick.',
  howTo: 'Drag a point of b up or down, or focus one with Tab and use the arrow keys; change offset, scale and noise with the sliders.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 700,
  height: 360,
  initial: () => ({ offset: 0.5, gain: 1, noise: 0.3, nudges: new Array(SIZE).fill(0) }),
  sliders: [
    { name: 'offset', label: 'Offset added to b', min: -2, max: 2, step: 0.1 },
    { name: 'gain', label: 'Scale of b', min: 0, max: 2, step: 0.1 },
    { name: 'noise', label: 'Noise in b', min: 0, max: 1.5, step: 0.05 },
  ],
  actions: [{ name: 'reset', label: 'Undo the drags' }],
  handles: (state) =>
    other(state).map((value, i): Handle => ({ id: `b${i}`, x: X.to(i), y: Y.to(value), label: `Value ${i + 1} of b: ${value.toFixed(2)}`, className: 'class-1' })),
  moveHandle(state, id, _x, y) {
    const i = Number(id.slice(1));
    const target = clamp(Y.from(y), -2.9, 2.9);
    state.nudges[i] = state.nudges[i]! + target - other(state)[i]!;
  },
  values: (state) => ({ offset: state.offset, gain: state.gain, noise: state.noise }),
  setValue(state, name, value) {
    if (name === 'offset' || name === 'gain' || name === 'noise') state[name] = value;
  },
  act(state, name) {
    if (name === 'reset') state.nudges.fill(0);
  },
  draw(state, kernels) {
    const b = other(state);
    const [snr] = kernels.rowDistances('snr', row(ANCHOR), row(b));
    const [euclidean] = kernels.rowDistances('euclidean', row(ANCHOR), row(b));
    let scene = `<rect x="40" y="20" width="420" height="310" class="frame"/>` + line(40, Y.to(0), 460, Y.to(0), 'class="axis"');
    const path = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${n(X.to(i))} ${n(Y.to(v))}`).join('');
    scene += `<path d="${path(ANCHOR)}" class="stroke-c class-0" stroke-width="2.5"/>`;
    scene += `<path d="${path(b)}" class="stroke-c class-1" stroke-width="1.5" stroke-dasharray="4 3"/>`;
    ANCHOR.forEach((a, i) => (scene += line(X.to(i), Y.to(a), X.to(i), Y.to(b[i]!), 'class="faint"') + `<circle cx="${n(X.to(i))}" cy="${n(Y.to(a))}" r="4" class="fill-c class-0"/>`));
    scene += text(40, 350, 'component of the embedding →', 'class="note"');
    const rx = 480;
    const decibels = 10 * Math.log10(1 / Math.max(snr!, 1e-12));
    scene += text(rx, 40, 'Distances from a to b', 'class="panel-title"');
    scene += text(rx, 70, 'squared Euclidean', 'class="note"') + text(rx, 92, euclidean!.toFixed(3), '');
    scene += text(rx, 124, 'SNR: var(b − a) / var(a)', 'class="note"') + text(rx, 146, snr!.toFixed(3), '');
    scene += text(rx, 178, 'signal-to-noise ratio', 'class="note"') + text(rx, 200, `${decibels.toFixed(1)} dB`, '');
    // What scale alone contributes: b = s·a gives var((s − 1)·a) / var(a) = (s − 1)², so the shape of a is not enough.
    const scaleOnly = (state.gain - 1) ** 2;
    scene += text(rx, 232, 'from the scale alone: (s − 1)²', 'class="note"') + text(rx, 254, scaleOnly.toFixed(3), '');
    scene += `<circle cx="${rx + 6}" cy="286" r="5" class="fill-c class-0"/>` + text(rx + 18, 290, 'anchor a', '');
    scene += line(rx, 312, rx + 12, 312, 'class="stroke-c class-1" stroke-dasharray="4 3" stroke-width="2"') + text(rx + 18, 316, 'b (drag its points)', '');
    return {
      scene,
      summary: `b = ${state.gain} · a + ${state.offset} + noise ${state.noise}${state.nudges.some((d) => d !== 0) ? ', with dragged values' : ''}. Squared Euclidean distance ${euclidean!.toFixed(3)}; SNR distance var(b − a) / var(a) = ${snr!.toFixed(3)} (signal-to-noise ratio ${decibels.toFixed(1)} dB), of which the scale alone would give (s − 1)² = ${scaleOnly.toFixed(3)}. A constant offset adds to the Euclidean distance but not to the SNR distance; a change of scale adds to both.`,
    };
  },
};

export default figure;
