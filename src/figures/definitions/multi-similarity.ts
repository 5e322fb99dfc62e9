import type { Matrix } from '../../lib/kernels/index.ts';
import { line, n, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  angles: number[];
  labels: number[];
  anchor: number;
  alpha: number;
  beta: number;
  lambda: number;
  epsilon: number;
}

const CX = 200;
const CY = 200;
const R = 165;
const NAMES = ['A', 'B', 'C'];
const position = (angle: number) => ({ x: CX + R * Math.cos(angle), y: CY - R * Math.sin(angle) });
const degrees = (angle: number) => Math.round((((angle * 180) / Math.PI) % 360 + 360) % 360);

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'multi-similarity',
  title: 'How the Multi-Similarity loss weights pairs',
  topic: 'dml-cvpr-2019',
  papers: ['multi-similarity-loss'],
  caption:
    'Eight embeddings on the unit circle in three classes; similarity is the cosine. For the chosen anchor, pairs are first mined (a negative is kept only if it is more similar than the least similar positive minus ε, a positive only if it is less similar than the most similar negative plus ε), then weighted: a pair counts more the harder it is on its own (self-similarity, its similarity against the threshold λ) and compared with the anchor’s other pairs of its kind (relative similarity). α for positives and β for negatives scale both terms alike: w⁺ = 1 / (e^{−α(λ − S)} + Σ e^{−α(S′ − S)}) over the kept positives, and w⁻ the same with β and the signs turned. Line width is the weight; dashed pairs were mined away.',
  howTo: 'Drag a point around the circle or move it with the arrow keys; press Enter on a point (or click it) to make it the anchor.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 660,
  height: 400,
  initial: () => ({
    angles: [0.2, 0.75, 2.2, 1.0, 1.5, 3.3, 4.2, 5.2],
    labels: [0, 0, 0, 1, 1, 1, 2, 2],
    anchor: 0,
    alpha: 2,
    beta: 50,
    lambda: 0.5,
    epsilon: 0.1,
  }),
  sliders: [
    { name: 'alpha', label: 'α (positives)', min: 0.5, max: 10, step: 0.5 },
    { name: 'beta', label: 'β (negatives)', min: 5, max: 80, step: 5 },
    { name: 'lambda', label: 'λ (similarity margin)', min: 0, max: 1, step: 0.05 },
    { name: 'epsilon', label: 'ε (mining)', min: 0, max: 0.5, step: 0.05 },
  ],
  actions: [],
  handles: (state) =>
    state.angles.map((angle, i) => ({
      id: `p${i}`,
      ...position(angle),
      label: `Point ${i + 1}, class ${NAMES[state.labels[i]!]}, at ${degrees(angle)}°${i === state.anchor ? ', the anchor' : ''}`,
      className: `class-${state.labels[i]}`,
      shape: i === state.anchor ? 'star' : 'circle',
    })),
  moveHandle(state, id, x, y) {
    if (x === CX && y === CY) return;
    state.angles[Number(id.slice(1))] = Math.atan2(CY - y, x - CX);
  },
  values: (state) => ({ alpha: state.alpha, beta: state.beta, lambda: state.lambda, epsilon: state.epsilon }),
  setValue(state, name, value) {
    if (name === 'alpha' || name === 'beta' || name === 'lambda' || name === 'epsilon') state[name] = value;
  },
  act(state, name) {
    if (name.startsWith('activate:p')) state.anchor = Number(name.slice('activate:p'.length));
  },
  draw(state, kernels) {
    const count = state.angles.length;
    const embeddings: Matrix = { data: Float32Array.from(state.angles.flatMap((a) => [Math.cos(a), Math.sin(a)])), rows: count, cols: 2 };
    const cosineDistances = kernels.distances('cosine', embeddings, embeddings);
    const similarities: Matrix = { data: cosineDistances.data.map((d) => 1 - d), rows: count, cols: count };
    const { weights, loss } = kernels.losses.multiSimilarity(similarities, state.labels, state);
    const a = state.anchor;
    const weight = (j: number) => weights.data[a * count + j]!;
    const similarity = (j: number) => similarities.data[a * count + j]!;
    const largest = Math.max(...Array.from({ length: count }, (_, j) => weight(j)), 1e-9);
    let scene = `<circle cx="${CX}" cy="${CY}" r="${R}" class="faint"/>`;
    const anchor = position(state.angles[a]!);
    const rows: string[] = [];
    const kept: string[] = [];
    const dropped: string[] = [];
    for (let j = 0; j < count; j++) {
      if (j === a) continue;
      const p = position(state.angles[j]!);
      const positive = state.labels[j] === state.labels[a];
      const w = weight(j);
      const name = `point ${j + 1} (${positive ? 'positive' : 'negative'}, S = ${similarity(j).toFixed(2)})`;
      if (w > 0) {
        scene += line(anchor.x, anchor.y, p.x, p.y, `class="${positive ? 'good' : 'bad'}" stroke-width="${n(1 + 9 * (w / largest))}" stroke-opacity="0.8"`);
        kept.push(`${name}: ${positive ? 'w⁺' : 'w⁻'} = ${w.toFixed(3)}`);
      } else {
        scene += line(anchor.x, anchor.y, p.x, p.y, 'class="guide"');
        dropped.push(`point ${j + 1}`);
      }
      rows.push(`${j + 1}|${positive ? '+' : '−'}|${similarity(j).toFixed(2)}|${w}`);
    }
    // The table of pairs, drawn beside the circle.
    const tx = 400;
    scene += text(tx, 30, `Anchor: point ${a + 1} (class ${NAMES[state.labels[a]!]})`, 'class="panel-title"');
    scene += text(tx, 52, 'pair', 'class="note"') + text(tx + 48, 52, 'S', 'class="note"') + text(tx + 100, 52, 'weight', 'class="note"');
    rows.forEach((row, i) => {
      const [j, sign, s, w] = row.split('|') as [string, string, string, string];
      const y = 76 + i * 28;
      scene += text(tx, y, `${j} ${sign}`, '') + text(tx + 48, y, s, 'class="note"');
      const width = (Number(w) / largest) * 150;
      scene += Number(w) > 0 ? `<rect x="${tx + 100}" y="${y - 12}" width="${n(Math.max(width, 1))}" height="14" class="${sign === '+' ? 'bar-good' : 'bar-bad'}"/>` : text(tx + 100, y, 'mined away', 'class="note"');
    });
    scene += text(tx, 76 + rows.length * 28 + 8, `anchor’s loss ${loss[a]!.toFixed(3)}`, 'class="note"');
    return {
      scene,
      summary: `Anchor point ${a + 1}, class ${NAMES[state.labels[a]!]}; α ${state.alpha}, β ${state.beta}, λ ${state.lambda}, ε ${state.epsilon}. Kept: ${kept.join('; ') || 'none'}. Mined away: ${dropped.join(', ') || 'none'}. Loss of this anchor ${loss[a]!.toFixed(3)}.`,
    };
  },
};

export default figure;
