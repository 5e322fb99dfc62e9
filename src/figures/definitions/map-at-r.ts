import { summarizeByClass, type Kernels, type Matrix } from '../../lib/kernels/index.ts';
import { clamp, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta, Handle } from '../types.ts';

interface State {
  /** 0: each class's three pairs sit together; 1: they lie spread among the other classes' pairs. */
  spread: number;
  /** What the reader dragged each point by, on top of where the spread puts it. */
  nudges: Array<{ x: number; y: number }>;
}

const CLASS_NAMES = ['A', 'B', 'C'];
const SHAPES: Handle['shape'][] = ['circle', 'square', 'star'];
const CLASSES = 3;
const PAIRS = 3;
const POINTS = CLASSES * PAIRS * 2;
/** Each class moves along its own lane, 0.5 from the next: farther than a pair's two points (0.16) ever are, so every nearest neighbour stays in its class. */
const LANE = [0.5, 0, -0.5];
const TOGETHER = [-1.5, 0, 1.5];
const PLOT = { left: 20, top: 50, width: 460, height: 300 };
const X = scale([-1.9, 1.9], [PLOT.left, PLOT.left + PLOT.width]);
const Y = scale([-1.24, 1.24], [PLOT.top + PLOT.height, PLOT.top]);
const QUERY = 0;
const pct = (v: number) => `${Math.round(100 * v)} %`;

const classOf = (i: number) => Math.floor(i / (PAIRS * 2));

/** Where point i sits before any drag: its pair moves from beside its class-mates (spread 0) to a column shared with the other classes (spread 1). */
function base(i: number, spread: number): { x: number; y: number } {
  const c = classOf(i);
  const pair = Math.floor(i / 2) % PAIRS;
  const together = TOGETHER[c]! + (pair - 1) * 0.3;
  const apart = TOGETHER[pair]!;
  return { x: (1 - spread) * together + spread * apart + (i % 2 === 0 ? -0.08 : 0.08), y: LANE[c]! + (i % 2 === 0 ? 0.04 : -0.04) };
}

/** Every point where it is drawn: the spread's place plus the drag (exported for the test that checks the caption against these points). */
export const positions = (state: { spread: number; nudges: Array<{ x: number; y: number }> }) =>
  state.nudges.map((d, i) => {
    const b = base(i, state.spread);
    return { x: b.x + d.x, y: b.y + d.y };
  });

const labels = Int32Array.from({ length: POINTS }, (_, i) => classOf(i));
const nameOf = (i: number) => `${CLASS_NAMES[classOf(i)]}${(i % (PAIRS * 2)) + 1}`;

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'map-at-r',
  title: 'Recall@1 against MAP@R',
  topic: 'reality-checks',
  papers: ['metric-learning-reality-check'],
  caption:
    'A toy two-dimensional embedding, made up for this figure: three classes (A, B, C) of six points, each point with a partner of its class right beside it. Every point in turn is the query and the other seventeen are the gallery, ranked by Euclidean distance (ties to the lower index); lines join each point to its nearest neighbour. Recall@K counts a query as solved when any of its K nearest is of its class, so while the partners stay together Recall@1 stays at 100 %. MAP@R, the measure A Metric Learning Reality Check (Musgrave, Belongie and Lim) argues for, is the mean over the queries of AP@R = [P(1)·rel(1) + … + P(R)·rel(R)] / R, where R is the number of other points of the query’s class (here 5), rel(i) is 1 when the i-th nearest is of that class and P(i) is the share of the class among the i nearest: it also asks where the rest of the class is ranked. Spreading the classes’ pairs among each other takes MAP@R from 100 % down to 20 % (each query then finds only its partner among its five nearest), and Recall@1 does not notice. The numbers are computed live by the site’s retrieval kernels.',
  howTo: 'Drag a point, or focus one with Tab and move it with the arrow keys (Shift for larger steps); spread the classes with the slider.',
};

/** The ringed query's gallery in ranking order: distance, then index, as the kernel ranks it. */
function rankingOf(query: number, points: Matrix, kernels: Kernels): number[] {
  const row = kernels.distances('euclidean', { data: points.data.slice(query * 2, query * 2 + 2), rows: 1, cols: 2 }, points).data;
  return Array.from({ length: POINTS }, (_, j) => j)
    .filter((j) => j !== query)
    .sort((a, b) => row[a]! - row[b]! || a - b);
}

/** A class's mark in the ranking strip: the same shape as its points (circle, square, star), not colour alone. */
function mark(c: number, x: number, y: number): string {
  const cls = `fill-c class-${c}`;
  if (c === 0) return `<circle cx="${x}" cy="${y}" r="11" class="${cls}"/>`;
  if (c === 1) return `<rect x="${x - 10}" y="${y - 10}" width="20" height="20" class="${cls}"/>`;
  const star = Array.from({ length: 10 }, (_, k) => {
    const r = k % 2 === 0 ? 13 : 6;
    const a = (k * Math.PI) / 5 - Math.PI / 2;
    return `${n(x + r * Math.cos(a))} ${n(y + r * Math.sin(a))}`;
  }).join('L');
  return `<path d="M${star}Z" class="${cls}"/>`;
}

function bar(y: number, label: string, value: number, emphasis: boolean): string {
  const width = 250 * value;
  return (
    text(500, y + 15, label, emphasis ? 'class="panel-title"' : '') +
    `<rect x="640" y="${y}" width="250" height="20" class="frame"/>` +
    `<rect x="640" y="${y}" width="${n(width)}" height="20" class="${emphasis ? 'bar-good' : 'fill-c class-0'}" fill-opacity="0.75"/>` +
    text(898, y + 15, pct(value))
  );
}

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 960,
  height: 380,
  initial: () => ({ spread: 0.4, nudges: Array.from({ length: POINTS }, () => ({ x: 0, y: 0 })) }),
  sliders: [{ name: 'spread', label: 'Spread of each class', min: 0, max: 1, step: 0.05 }],
  actions: [{ name: 'reset', label: 'Undo the drags' }],
  handles: (state) =>
    positions(state).map((p, i): Handle => ({
      id: `p${i}`,
      x: X.to(p.x),
      y: Y.to(p.y),
      label: `Point ${nameOf(i)}${i === QUERY ? ' (the ringed query)' : ''} at (${p.x.toFixed(2)}, ${p.y.toFixed(2)})`,
      className: `class-${classOf(i)}`,
      shape: SHAPES[classOf(i)],
    })),
  moveHandle(state, id, px, py) {
    const i = Number(id.slice(1));
    const b = base(i, state.spread);
    state.nudges[i] = { x: clamp(X.from(px), -1.85, 1.85) - b.x, y: clamp(Y.from(py), -1.2, 1.2) - b.y };
  },
  values: (state) => ({ spread: state.spread }),
  setValue(state, name, value) {
    if (name === 'spread') state.spread = value;
  },
  act(state, name) {
    if (name === 'reset') state.nudges = figure.initial().nudges;
  },
  draw(state, kernels) {
    const at = positions(state);
    const points: Matrix = { data: Float32Array.from(at.flatMap((p) => [p.x, p.y])), rows: POINTS, cols: 2 };
    const result = kernels.retrieval.evaluate('euclidean', points, labels, CLASSES);
    const { summary } = result;
    let scene = text(PLOT.left, 30, 'The embedding: every point is a query', 'class="panel-title"');
    scene += `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" class="frame"/>`;
    at.forEach((p, i) => {
      const j = result.nearest[i]!;
      const hit = labels[j] === labels[i];
      scene += line(X.to(p.x), Y.to(p.y), X.to(at[j]!.x), Y.to(at[j]!.y), `class="${hit ? 'faint' : 'boundary bad'}"${hit ? '' : ' stroke-dasharray="5 4"'}`);
    });
    scene += `<circle cx="${n(X.to(at[QUERY]!.x))}" cy="${n(Y.to(at[QUERY]!.y))}" r="16" class="guide"/>`;
    scene += text(500, 30, 'Retrieval over all 18 queries', 'class="panel-title"');
    const rows: Array<[string, number, boolean]> = [
      ['Recall@1', summary.recallAt[0], true],
      ['Recall@2', summary.recallAt[1], false],
      ['Recall@4', summary.recallAt[2], false],
      ['R-precision', summary.rPrecision, false],
      ['MAP@R', summary.mapAtR, true],
    ];
    rows.forEach(([label, value, emphasis], r) => (scene += bar(50 + 34 * r, label, value, emphasis)));
    const ranking = rankingOf(QUERY, points, kernels).slice(0, result.relevant[QUERY]!);
    scene += text(500, 244, `The ringed query ${nameOf(QUERY)}: its ${ranking.length} nearest`, 'class="panel-title"');
    ranking.forEach((j, r) => {
      const x = 520 + 62 * r;
      scene += mark(classOf(j), x, 276) + text(x - 8, 312, labels[j] === labels[QUERY] ? '✓' : '✗', '');
    });
    scene += text(500, 345, `AP@R = ${result.apAtR[QUERY]!.toFixed(2)}, R-precision ${result.rPrecision[QUERY]!.toFixed(2)}`, '');
    const missed = at.filter((_, i) => labels[result.nearest[i]!] !== labels[i]).length;
    const perClass = summarizeByClass(result, labels, CLASSES).map((c, k) => `${CLASS_NAMES[k]} ${pct(c.mapAtR)}`);
    return {
      scene,
      summary:
        `Spread ${state.spread.toFixed(2)}${state.nudges.some((d) => d.x !== 0 || d.y !== 0) ? ', with dragged points' : ''}. ` +
        `Over ${summary.queries} queries (R = 5 each): Recall@1 ${pct(summary.recallAt[0])}, Recall@2 ${pct(summary.recallAt[1])}, Recall@4 ${pct(summary.recallAt[2])}, Recall@8 ${pct(summary.recallAt[3])}, R-precision ${pct(summary.rPrecision)}, MAP@R ${pct(summary.mapAtR)} (per class: ${perClass.join(', ')}). ` +
        `${missed === 0 ? 'Every point’s nearest neighbour is of its class.' : `${missed} of 18 points have a nearest neighbour of another class (dashed).`} ` +
        `The ringed query ${nameOf(QUERY)} ranks ${ranking.map(nameOf).join(', ')} first: AP@R ${result.apAtR[QUERY]!.toFixed(2)}.`,
    };
  },
};

export default figure;
