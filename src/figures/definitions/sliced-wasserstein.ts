import type { Matrix } from '../../lib/kernels/index.ts';
import { seededRandom as random } from '../../lib/random.ts';
import { clamp, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface Point {
  x: number;
  y: number;
}
interface State {
  centreA: Point;
  centreB: Point;
  rotation: number;
  spread: number;
  directions: number;
  seed: number;
}

const POINTS = 12;
const X = scale([-3, 3], [20, 440]);
const Y = scale([-2.4, 2.4], [356, 20]);
const STRIP = { y: 410, x: scale([-4.5, 4.5], [20, 640]) };

/** Fixed shapes (seeded), so the build-time picture and the live one agree: a round cloud A and an elongated cloud B. */
const SHAPE_A = (() => {
  const rand = random(11);
  return Array.from({ length: POINTS }, () => ({ x: (rand() - 0.5) * 1.6, y: (rand() - 0.5) * 1.6 }));
})();
const SHAPE_B = (() => {
  const rand = random(23);
  return Array.from({ length: POINTS }, () => ({ x: (rand() - 0.5) * 2.6, y: (rand() - 0.5) * 0.5 }));
})();

function cloudB(state: State): Point[] {
  const t = (state.rotation * Math.PI) / 180;
  return SHAPE_B.map((p) => ({
    x: state.centreB.x + state.spread * (p.x * Math.cos(t) - p.y * Math.sin(t)),
    y: state.centreB.y + state.spread * (p.x * Math.sin(t) + p.y * Math.cos(t)),
  }));
}

function directions(state: State): Matrix {
  const rand = random(state.seed);
  const data = new Float32Array(state.directions * 2);
  for (let d = 0; d < state.directions; d++) {
    const angle = rand() * Math.PI;
    data[d * 2] = Math.cos(angle);
    data[d * 2 + 1] = Math.sin(angle);
  }
  return { data, rows: state.directions, cols: 2 };
}

const matrix = (points: Point[]): Matrix => ({ data: Float32Array.from(points.flatMap((p) => [p.x, p.y])), rows: points.length, cols: 2 });
const at = (p: Point) => `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'sliced-wasserstein',
  title: 'Sliced Wasserstein distance between two point clouds',
  topic: 'wasserstein',
  papers: ['generalized-sliced-wasserstein', 'tree-sliced-wasserstein', 'sliced-gromov-wasserstein'],
  caption:
    'Two clouds of twelve points. On a line through the origin, both clouds project to twelve numbers each; in one dimension the optimal transport plan matches them in sorted order, so the 1-D Wasserstein distance is cheap. The sliced Wasserstein distance averages it over random directions: SW₂² = mean over θ of (1/n) Σ (sort(Aθ)ᵢ − sort(Bθ)ᵢ)². The strip below shows the highlighted direction’s matching.',
  howTo: 'Drag a cloud by its centre handle or move it with the arrow keys; rotate and spread cloud B, and choose the number of directions with the sliders.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 660,
  height: 450,
  initial: () => ({ centreA: { x: -1.2, y: 0.3 }, centreB: { x: 1.2, y: -0.3 }, rotation: 30, spread: 1, directions: 8, seed: 3 }),
  sliders: [
    { name: 'rotation', label: 'Rotate cloud B (°)', min: 0, max: 180, step: 5 },
    { name: 'spread', label: 'Spread of cloud B', min: 0.3, max: 2, step: 0.1 },
    { name: 'directions', label: 'Directions', min: 1, max: 64, step: 1 },
  ],
  actions: [{ name: 'reseed', label: 'New random directions' }],
  handles: (state) => [
    { id: 'a', x: X.to(state.centreA.x), y: Y.to(state.centreA.y), label: `Centre of cloud A at ${at(state.centreA)}`, className: 'class-0', shape: 'square' },
    { id: 'b', x: X.to(state.centreB.x), y: Y.to(state.centreB.y), label: `Centre of cloud B at ${at(state.centreB)}`, className: 'class-1', shape: 'square' },
  ],
  moveHandle(state, id, x, y) {
    const centre = { x: clamp(X.from(x), -2.6, 2.6), y: clamp(Y.from(y), -2, 2) };
    if (id === 'a') state.centreA = centre;
    else state.centreB = centre;
  },
  values: (state) => ({ rotation: state.rotation, spread: state.spread, directions: state.directions }),
  setValue(state, name, value) {
    if (name === 'rotation' || name === 'spread' || name === 'directions') state[name] = value;
  },
  act(state, name) {
    if (name === 'reseed') state.seed++;
  },
  draw(state, kernels) {
    const a = SHAPE_A.map((p) => ({ x: state.centreA.x + p.x, y: state.centreA.y + p.y }));
    const b = cloudB(state);
    const dirs = directions(state);
    const result = kernels.transport.slicedWasserstein(matrix(a), matrix(b), dirs);
    let scene = `<rect x="20" y="20" width="420" height="336" class="frame"/>`;
    scene += `<clipPath id="sliced-wasserstein-plot"><rect x="20" y="20" width="420" height="336"/></clipPath><g clip-path="url(#sliced-wasserstein-plot)">`;
    for (let d = dirs.rows - 1; d >= 0; d--) {
      const dx = dirs.data[d * 2]! * 4;
      const dy = dirs.data[d * 2 + 1]! * 4;
      scene += line(X.to(-dx), Y.to(-dy), X.to(dx), Y.to(dy), d === 0 ? 'class="boundary"' : 'class="faint"');
    }
    scene += '</g>';
    for (const p of a) scene += `<circle cx="${n(X.to(p.x))}" cy="${n(Y.to(p.y))}" r="5" class="fill-c class-0"/>`;
    for (const p of b) scene += `<rect x="${n(X.to(p.x) - 4)}" y="${n(Y.to(p.y) - 4)}" width="8" height="8" class="fill-c class-1"/>`;
    // The highlighted direction as a 1-D strip: A's sorted projections above, B's below, matched in order.
    const sortedA = result.sortedA.data.subarray(0, POINTS);
    const sortedB = result.sortedB.data.subarray(0, POINTS);
    scene += line(20, STRIP.y, 640, STRIP.y, 'class="axis"');
    for (let i = 0; i < POINTS; i++) {
      const xa = STRIP.x.to(sortedA[i]!);
      const xb = STRIP.x.to(sortedB[i]!);
      scene += line(xa, STRIP.y - 14, xb, STRIP.y + 14, 'class="faint" stroke-width="1.5"');
      scene += `<circle cx="${n(xa)}" cy="${STRIP.y - 14}" r="4" class="fill-c class-0"/><rect x="${n(xb - 3.5)}" y="${STRIP.y + 10.5}" width="7" height="7" class="fill-c class-1"/>`;
    }
    scene += text(20, STRIP.y - 26, 'Projections on the highlighted direction, matched in sorted order', 'class="note"');
    const rx = 460;
    scene += text(rx, 40, 'Sliced Wasserstein', 'class="panel-title"');
    scene += text(rx, 70, `SW₂ over ${dirs.rows} ${dirs.rows === 1 ? 'direction' : 'directions'}`, 'class="note"') + text(rx, 92, result.distance.toFixed(3), '');
    scene += text(rx, 124, 'W₂ on the highlighted one', 'class="note"') + text(rx, 146, Math.sqrt(result.perDirection[0]!).toFixed(3), '');
    const spread = [Math.min(...result.perDirection), Math.max(...result.perDirection)].map((v) => Math.sqrt(v).toFixed(3));
    scene += text(rx, 178, 'W₂ across directions', 'class="note"') + text(rx, 200, `${spread[0]} to ${spread[1]}`, '');
    scene += `<circle cx="${rx + 6}" cy="236" r="5" class="fill-c class-0"/>` + text(rx + 18, 240, 'cloud A', '');
    scene += `<rect x="${rx + 2}" y="256" width="8" height="8" class="fill-c class-1"/>` + text(rx + 18, 264, 'cloud B', '');
    return {
      scene,
      summary: `Cloud A centred at ${at(state.centreA)}, cloud B at ${at(state.centreB)}, rotated ${state.rotation}° with spread ${state.spread}. Sliced Wasserstein distance over ${dirs.rows} random ${dirs.rows === 1 ? 'direction' : 'directions'}: ${result.distance.toFixed(3)}; on single directions the 1-D distance ranges from ${spread[0]} to ${spread[1]}.`,
    };
  },
};

export default figure;
