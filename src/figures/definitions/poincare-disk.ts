import type { Matrix } from '../../lib/kernels/index.ts';
import { treeEdges } from '../hyperbolic-tree.ts';
import { line, n, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface Point {
  x: number;
  y: number;
}
interface State {
  a: Point;
  b: Point;
}

const CX = 220;
const CY = 220;
const R = 200;
const MAX_RADIUS = 0.985;
const toSvg = (p: Point) => ({ x: CX + R * p.x, y: CY - R * p.y });
const norm = (p: Point) => Math.hypot(p.x, p.y);

/**
 * The kernels' Poincaré distance takes embedding vectors and maps them into
 * the ball with exp₀(v) = tanh(‖v‖) v/‖v‖; a point already in the disk is
 * handed over as its preimage log₀(p) = artanh(‖p‖) p/‖p‖.
 */
function tangentAtOrigin(p: Point): [number, number] {
  const r = norm(p);
  if (r === 0) return [0, 0];
  const k = Math.atanh(r) / r;
  return [p.x * k, p.y * k];
}

/** The geodesic from p to q as an SVG path: a diameter's segment, or the arc of the circle through p and q that meets the boundary at right angles. */
export function geodesic(p: Point, q: Point): string {
  const P = toSvg(p);
  const Q = toSvg(q);
  const cross = p.x * q.y - p.y * q.x;
  if (Math.abs(cross) < 1e-6) return `M${n(P.x)} ${n(P.y)}L${n(Q.x)} ${n(Q.y)}`;
  // The circle through p, q and p's inversion p / ‖p‖² (orthogonal to the unit circle), centre c solving ‖c‖² = 1 + r², c·p and c·q from there.
  const pp = p.x * p.x + p.y * p.y;
  const qq = q.x * q.x + q.y * q.y;
  const det = 2 * cross;
  const cx = ((pp + 1) * q.y - (qq + 1) * p.y) / det;
  const cy = ((qq + 1) * p.x - (pp + 1) * q.x) / det;
  const radius = Math.sqrt(cx * cx + cy * cy - 1) * R;
  const C = toSvg({ x: cx, y: cy });
  // The arc inside the disk is the short one; sweep so that it bends away from the centre C.
  const sweep = (C.x - P.x) * -(Q.y - P.y) + (C.y - P.y) * (Q.x - P.x) > 0 ? 1 : 0;
  return `M${n(P.x)} ${n(P.y)}A${n(radius)} ${n(radius)} 0 0 ${sweep} ${n(Q.x)} ${n(Q.y)}`;
}

/** A point at hyperbolic distance t from O lies at Euclidean radius tanh(t/2) in the disk. */
const inDisk = ({ t, angle }: { t: number; angle: number }): Point => ({ x: Math.tanh(t / 2) * Math.cos(angle), y: Math.tanh(t / 2) * Math.sin(angle) });
const tree = () => treeEdges().map((e) => `<path d="${geodesic(inDisk(e.parent), inDisk(e.child))}" class="faint"/>`).join('');
const TREE = tree();

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'poincare-disk',
  title: 'Distances in the Poincaré disk',
  topic: 'hyperbolic',
  papers: ['multi-relational-poincare-embeddings', 'tiling-based-hyperbolic-embeddings'],
  caption:
    'The Poincaré disk model of the hyperbolic plane. Shortest paths (geodesics) are arcs that meet the boundary at right angles, and distances grow without bound towards the edge: d(u, v) = arcosh(1 + 2‖u − v‖² / ((1 − ‖u‖²)(1 − ‖v‖²))). The geodesic between A and B bends towards the centre; it passes through O only when A and B are opposite (θ = π, θ the angle AOB). As A and B move towards the boundary at a fixed θ, the ratio d(A, B) / (d(A, O) + d(O, B)) tends to 1, while the gap d(A, O) + d(O, B) − d(A, B) tends to −2 ln sin(θ/2) rather than to zero: far from the centre, distances grow almost like paths through the root of a tree, which is why hierarchies embed in few dimensions with little distortion. The faint tree has every edge of hyperbolic length 1.',
  howTo: 'Drag A or B, or focus one with Tab and move it with the arrow keys.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 690,
  height: 440,
  initial: () => ({ a: { x: -0.45, y: 0.3 }, b: { x: 0.5, y: 0.35 } }),
  sliders: [],
  actions: [{ name: 'edge', label: 'Move A and B near the edge' }, { name: 'reset', label: 'Back to the start' }],
  handles: (state) => [
    { id: 'a', ...toSvg(state.a), label: `Point A at radius ${norm(state.a).toFixed(3)}`, className: 'class-0' },
    { id: 'b', ...toSvg(state.b), label: `Point B at radius ${norm(state.b).toFixed(3)}`, className: 'class-1' },
  ],
  moveHandle(state, id, x, y) {
    let p = { x: (x - CX) / R, y: (CY - y) / R };
    const r = norm(p);
    if (r > MAX_RADIUS) p = { x: (p.x / r) * MAX_RADIUS, y: (p.y / r) * MAX_RADIUS };
    state[id as 'a' | 'b'] = p;
  },
  values: () => ({}),
  setValue() {},
  act(state, name) {
    if (name === 'reset') Object.assign(state, figure.initial());
    if (name === 'edge') {
      for (const key of ['a', 'b'] as const) {
        const r = norm(state[key]) || 1;
        state[key] = { x: (state[key].x / r) * 0.97, y: (state[key].y / r) * 0.97 };
      }
    }
  },
  draw(state, kernels) {
    const origin = { x: 0, y: 0 };
    const rows = (points: Point[]): Matrix => ({ data: Float32Array.from(points.flatMap(tangentAtOrigin)), rows: points.length, cols: 2 });
    const [ab, ao, ob] = kernels.rowDistances('poincare', rows([state.a, state.a, origin]), rows([state.b, origin, state.b]));
    const throughCentre = ao! + ob!;
    const euclidean = Math.hypot(state.a.x - state.b.x, state.a.y - state.b.y);
    let scene = `<circle cx="${CX}" cy="${CY}" r="${R}" class="frame"/>` + TREE;
    scene += `<path d="${geodesic(state.a, origin)}" class="guide"/><path d="${geodesic(origin, state.b)}" class="guide"/>`;
    scene += line(toSvg(state.a).x, toSvg(state.a).y, toSvg(state.b).x, toSvg(state.b).y, 'class="faint" stroke-dasharray="1 3"');
    scene += `<path d="${geodesic(state.a, state.b)}" class="boundary"/>`;
    scene += `<circle cx="${CX}" cy="${CY}" r="4" class="fill-c query"/>` + text(CX + 8, CY + 16, 'O', '');
    const rx = 450;
    // Towards the edge at a fixed angle θ = ∠AOB the ratio tends to 1 but the gap tends to −2 ln sin(θ/2), not to 0.
    const theta = Math.acos(Math.max(-1, Math.min(1, (state.a.x * state.b.x + state.a.y * state.b.y) / (norm(state.a) * norm(state.b) || 1))));
    const gapLimit = -2 * Math.log(Math.sin(theta / 2));
    const lines = [
      ['d(A, B)', ab!.toFixed(3)],
      ['d(A, O) + d(O, B)', throughCentre.toFixed(3)],
      ['ratio', (ab! / throughCentre).toFixed(3)],
      ['gap d(A, O) + d(O, B) − d(A, B)', (throughCentre - ab!).toFixed(3)],
      [`its limit at the edge, θ = ${Math.round((theta * 180) / Math.PI)}°`, Number.isFinite(gapLimit) ? `−2 ln sin(θ/2) = ${gapLimit.toFixed(3)}` : '—'],
      ['Euclidean ‖A − B‖', euclidean.toFixed(3)],
      ['‖A‖, ‖B‖', `${norm(state.a).toFixed(3)}, ${norm(state.b).toFixed(3)}`],
    ];
    scene += text(rx, 40, 'Hyperbolic distances', 'class="panel-title"');
    lines.forEach(([k, v], i) => (scene += text(rx, 66 + i * 40, k!, 'class="note"') + text(rx, 84 + i * 40, v!, '')));
    scene += line(rx, 362, rx + 30, 362, 'class="boundary"') + text(rx + 36, 366, 'geodesic A–B', '');
    scene += line(rx, 386, rx + 30, 386, 'class="guide"') + text(rx + 36, 390, 'through the centre O', '');
    return {
      scene,
      summary: `A at radius ${norm(state.a).toFixed(3)}, B at radius ${norm(state.b).toFixed(3)}, ${Math.round((theta * 180) / Math.PI)}° apart as seen from O. Hyperbolic distance d(A, B) = ${ab!.toFixed(3)}; through the centre d(A, O) + d(O, B) = ${throughCentre.toFixed(3)}, so the ratio is ${(ab! / throughCentre).toFixed(3)} and the gap ${(throughCentre - ab!).toFixed(3)}; towards the edge at this angle the ratio tends to 1 and the gap to −2 ln sin(θ/2) = ${Number.isFinite(gapLimit) ? gapLimit.toFixed(3) : 'infinity'}. Euclidean distance ${euclidean.toFixed(3)}.`,
    };
  },
};

export default figure;
