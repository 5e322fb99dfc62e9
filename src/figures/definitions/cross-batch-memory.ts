import type { Kernels } from '../../lib/kernels/index.ts';
import { BATCH, hardNegatives, INSTANCES, stream, type Entry } from '../memory-stream.ts';
import { clamp, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  anchor: { x: number; y: number };
  memory: number;
  drift: number;
  iteration: number;
}

const X = scale([-2.4, 2.4], [20, 404]);
const Y = scale([-2.4, 2.4], [404, 20]);
const RADIUS = 0.5;
const LARGEST_MEMORY = 320;
const CHART = { x: scale([0, LARGEST_MEMORY], [450, 660]), y: scale([0, 40], [372, 232]) };
const ANCHOR_LABEL = 0;
const kindOf = (e: Entry) => (INSTANCES[e.instance]!.label === ANCHOR_LABEL ? 'class-0' : 'class-1');

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'cross-batch-memory',
  title: 'Cross-Batch Memory: hard negatives from past mini-batches',
  topic: 'dml-iccv-2019-cvpr-2020',
  papers: ['cross-batch-memory'],
  caption:
    'A toy training stream: 288 embeddings of twelve classes in the plane, mini-batches of 16, and an anchor of the blue class (the star). A hard negative is an embedding of another class within the dashed circle around the anchor, one a margin-based loss would still push away. A mini-batch alone holds few of them. Cross-Batch Memory keeps the embeddings of past iterations in a queue, the newest batch in and the oldest out, and pairs the anchor with the whole queue, so the hard negatives it finds grow with the memory size M (the chart). This works because of the slow drift the paper observes: once training has settled, an instance’s embedding moves little from one iteration to the next, so a stored embedding still marks where the instance is. Editorial: the drift slider moves every embedding a fixed step per iteration along its own direction; stored embeddings (hollow, with a line to where the instance is now) then lag behind, and the memory reports negatives that are no longer hard and misses others. The stream is computed, seeded, in the browser; it is not the paper’s experiment.',
  howTo: 'Drag the star or move it with the arrow keys; set the memory size and the drift with the sliders; step the stream with Next mini-batch.',
};

function chart(kernels: Kernels, state: State): string {
  const sizes = Array.from({ length: LARGEST_MEMORY / BATCH + 1 }, (_, k) => k * BATCH);
  const anchor = { ...state.anchor, label: ANCHOR_LABEL };
  const counts = sizes.map((m) => hardNegatives(kernels, stream(state.iteration, m, state.drift), anchor, RADIUS));
  const path = (value: (c: (typeof counts)[number]) => number) => `M${counts.map((c, k) => `${n(CHART.x.to(sizes[k]!))} ${n(CHART.y.to(Math.min(40, value(c))))}`).join('L')}`;
  let out = `<rect x="450" y="232" width="210" height="140" class="frame"/>`;
  for (const v of [0, 20, 40]) out += text(442, CHART.y.to(v) + 5, String(v), 'text-anchor="end" class="note"');
  for (const m of [0, 160, 320]) out += text(CHART.x.to(m), 392, String(m), 'text-anchor="middle" class="note"');
  out += text(555, 414, 'memory size M', 'text-anchor="middle" class="note"');
  out += `<path d="${path((c) => c.batch + c.found)}" class="guide"/><path d="${path((c) => c.batch + c.stillHard)}" class="boundary"/>`;
  out += `<circle cx="${n(CHART.x.to(state.memory))}" cy="${n(CHART.y.to(Math.min(40, counts[state.memory / BATCH]!.batch + counts[state.memory / BATCH]!.stillHard)))}" r="5" class="fill-c query"/>`;
  out += line(424, 436, 452, 436, 'class="boundary"') + text(458, 441, 'hard now', '') + line(552, 436, 580, 436, 'class="guide"') + text(586, 441, 'as stored', '');
  return out;
}

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 680,
  height: 450,
  initial: () => ({ anchor: { x: 1.05, y: 0.35 }, memory: 160, drift: 0, iteration: 100 }),
  sliders: [
    { name: 'memory', label: 'Memory size M', min: 0, max: LARGEST_MEMORY, step: BATCH },
    { name: 'drift', label: 'Drift per iteration', min: 0, max: 0.05, step: 0.005 },
  ],
  actions: [{ name: 'next', label: 'Next mini-batch' }],
  handles: (state) => [{ id: 'anchor', x: X.to(state.anchor.x), y: Y.to(state.anchor.y), label: `Anchor at (${state.anchor.x.toFixed(2)}, ${state.anchor.y.toFixed(2)})`, className: 'class-0', shape: 'star' }],
  moveHandle(state, _id, x, y) {
    state.anchor = { x: clamp(X.from(x), -2.2, 2.2), y: clamp(Y.from(y), -2.2, 2.2) };
  },
  values: (state) => ({ memory: state.memory, drift: state.drift }),
  setValue(state, name, value) {
    if (name === 'memory') state.memory = clamp(Math.round(value / BATCH) * BATCH, 0, LARGEST_MEMORY);
    if (name === 'drift') state.drift = value;
  },
  act(state, name) {
    if (name === 'next') state.iteration++;
  },
  draw(state, kernels) {
    const entries = stream(state.iteration, state.memory, state.drift);
    const counts = hardNegatives(kernels, entries, { ...state.anchor, label: ANCHOR_LABEL }, RADIUS);
    let scene = `<rect x="20" y="20" width="384" height="384" class="frame"/><clipPath id="cross-batch-memory-plane"><rect x="20" y="20" width="384" height="384"/></clipPath><g clip-path="url(#cross-batch-memory-plane)">`;
    // Memory first (hollow, oldest faintest), then the current batch on top (filled).
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      const now = INSTANCES[e.instance]!;
      if (e.age === 0) continue;
      const opacity = n(0.85 - (0.6 * e.age) / (LARGEST_MEMORY / BATCH), 2);
      if (counts.hardAsStored[i] && state.drift > 0) scene += line(X.to(e.x), Y.to(e.y), X.to(now.x), Y.to(now.y), 'class="faint" stroke-width="1.5"');
      const found = counts.hardAsStored[i]!;
      scene += `<circle cx="${n(X.to(e.x))}" cy="${n(Y.to(e.y))}" r="4" class="stroke-c ${kindOf(e)}" stroke-opacity="${found ? 1 : opacity}" stroke-width="${found ? 2.5 : 1.5}"/>`;
    }
    for (const e of entries.filter((x) => x.age === 0)) scene += `<circle cx="${n(X.to(e.x))}" cy="${n(Y.to(e.y))}" r="6" class="fill-c ${kindOf(e)}"/>`;
    scene += `<circle cx="${n(X.to(state.anchor.x))}" cy="${n(Y.to(state.anchor.y))}" r="${n(X.to(RADIUS) - X.to(0))}" class="guide"/></g>`;
    const rx = 424;
    const withMemory = counts.batch + counts.stillHard;
    const rows: Array<[string, string]> = [
      ['in the mini-batch alone', String(counts.batch)],
      [`with a memory of ${state.memory}`, String(counts.batch + counts.found)],
      ['of those, hard now', String(withMemory)],
      ['missed by the stale memory', String(counts.missed)],
    ];
    scene += text(rx, 40, 'Hard negatives of the anchor', 'class="panel-title"');
    rows.forEach(([label, value], k) => (scene += text(rx, 68 + k * 24, label, 'class="note"') + text(660, 68 + k * 24, value, 'text-anchor="end"')));
    scene += text(rx, 176, `iteration ${state.iteration}, drift ${state.drift.toFixed(3)}`, 'class="note"');
    scene += `<circle cx="${rx + 6}" cy="195" r="6" class="fill-c class-1"/>` + text(rx + 18, 200, 'mini-batch', '') + `<circle cx="${rx + 120}" cy="195" r="4" class="stroke-c class-1" stroke-width="1.5"/>` + text(rx + 132, 200, 'memory', '');
    scene += text(450, 224, 'hard negatives against M', 'class="note"') + chart(kernels, state);
    const drift = state.drift > 0 ? `Embeddings drift ${state.drift.toFixed(3)} per iteration, so the oldest stored ones lag ${((state.memory / BATCH) * state.drift).toFixed(2)} behind` : 'Embeddings do not drift, so every stored one is where its instance is now';
    const summary =
      `Iteration ${state.iteration}; anchor at (${state.anchor.x.toFixed(2)}, ${state.anchor.y.toFixed(2)}); memory of ${state.memory} embeddings (${state.memory / BATCH} past mini-batches). ` +
      `Hard negatives within ${RADIUS} of the anchor: ${counts.batch} in the mini-batch alone, ${counts.batch + counts.found} with the memory as stored. ${drift}: ${withMemory} of them are hard now, and the memory misses ${counts.missed} that are.`;
    return { scene, summary };
  },
};

export default figure;
