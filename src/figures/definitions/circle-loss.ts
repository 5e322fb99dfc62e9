import { arrow, clamp, line, n, scale, text } from '../svg.ts';
import type { FigureDefinition, FigureMeta } from '../types.ts';

interface State {
  sn: number;
  sp: number;
  margin: number;
  scale: number;
}

const PLOT = { left: 60, top: 20, size: 400 };
const SN = scale([0, 1], [PLOT.left, PLOT.left + PLOT.size]);
const SP = scale([0, 1], [PLOT.top + PLOT.size, PLOT.top]);
const FIELD = 9;
const ARROW = 16;

/** What the figure shows, where it lives and which papers of the survey it illustrates (src/figures/registry.ts gathers these). */
export const meta: FigureMeta = {
  id: 'circle-loss',
  title: 'Circle loss against optimising s_n − s_p',
  topic: 'dml-iccv-2019-cvpr-2020',
  papers: ['circle-loss'],
  caption:
    'The plane of one pair’s between-class similarity s_n (across) and within-class similarity s_p (up). Losses that reduce s_n − s_p have a straight decision boundary, s_p − s_n = m, and push both similarities equally hard. Circle loss weights each similarity by its distance from its optimum (α_n = [s_n + m]₊, α_p = [1 + m − s_p]₊), which bends the boundary into the circle s_n² + (s_p − 1)² = 2m². Arrows show the direction in which each loss moves the pair; the field shows Circle loss everywhere.',
  howTo: 'Drag the pair T, or focus it with Tab and use the arrow keys; change the margin m and scale γ with the sliders.',
};

const figure: FigureDefinition<State> = {
  id: meta.id,
  width: 680,
  height: 470,
  initial: () => ({ sn: 0.6, sp: 0.55, margin: 0.25, scale: 32 }),
  sliders: [
    { name: 'margin', label: 'Margin m', min: 0.05, max: 0.45, step: 0.01 },
    { name: 'scale', label: 'Scale γ', min: 4, max: 256, step: 4 },
  ],
  actions: [],
  handles: (state) => [{ id: 't', x: SN.to(state.sn), y: SP.to(state.sp), label: `Pair T at s_n ${state.sn.toFixed(2)}, s_p ${state.sp.toFixed(2)}`, className: 'query' }],
  moveHandle(state, _id, x, y) {
    state.sn = clamp(SN.from(x), 0, 1);
    state.sp = clamp(SP.from(y), 0, 1);
  },
  values: (state) => ({ margin: state.margin, scale: state.scale }),
  setValue(state, name, value) {
    if (name === 'margin') state.margin = value;
    if (name === 'scale') state.scale = value;
  },
  act() {},
  draw(state, kernels) {
    const count = FIELD * FIELD + 1;
    const sn = new Float32Array(count);
    const sp = new Float32Array(count);
    for (let i = 0; i < FIELD * FIELD; i++) {
      sn[i] = ((i % FIELD) + 0.5) / FIELD;
      sp[i] = (Math.floor(i / FIELD) + 0.5) / FIELD;
    }
    sn[count - 1] = state.sn;
    sp[count - 1] = state.sp;
    const { loss, gradN, gradP } = kernels.losses.circle(sn, sp, state.margin, state.scale);
    const magnitude = (i: number) => Math.hypot(gradN[i]!, gradP[i]!);
    const largest = Math.max(...Array.from({ length: FIELD * FIELD }, (_, i) => magnitude(i))) || 1;
    const { left, top, size } = PLOT;
    let scene = `<defs><clipPath id="circle-loss-plot"><rect x="${left}" y="${top}" width="${size}" height="${size}"/></clipPath></defs>`;
    scene += `<rect x="${left}" y="${top}" width="${size}" height="${size}" class="frame"/>`;
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      scene += text(SN.to(v), top + size + 18, v.toFixed(2), 'text-anchor="middle" class="note"') + text(left - 8, SP.to(v) + 4, v.toFixed(2), 'text-anchor="end" class="note"');
    }
    scene += text(left + size / 2, top + size + 38, 's_n (between-class similarity)', 'text-anchor="middle"');
    scene += text(18, top + size / 2, 's_p (within-class similarity)', `text-anchor="middle" transform="rotate(-90 18 ${top + size / 2})"`);
    // The field: where Circle loss moves a pair from each point (length: direction only; opacity: strength).
    for (let i = 0; i < FIELD * FIELD; i++) {
      const m = magnitude(i);
      if (m === 0) continue;
      const x = SN.to(sn[i]!);
      const y = SP.to(sp[i]!);
      const dx = (-gradN[i]! / m) * ARROW;
      const dy = (gradP[i]! / m) * ARROW;
      scene += arrow(x - dx / 2, y - dy / 2, x + dx / 2, y + dy / 2, `class="faint" stroke-opacity="${n(0.15 + 0.6 * (m / largest), 2)}" stroke-width="1.5"`);
    }
    const r = Math.SQRT2 * state.margin * size;
    scene += `<g clip-path="url(#circle-loss-plot)"><circle cx="${SN.to(0)}" cy="${SP.to(1)}" r="${n(r)}" class="boundary"/>`;
    scene += line(SN.to(0), SP.to(state.margin), SN.to(1 - state.margin), SP.to(1), 'class="guide"') + '</g>';
    const t = count - 1;
    const x = SN.to(state.sn);
    const y = SP.to(state.sp);
    const m = magnitude(t);
    if (m > 0) scene += arrow(x, y, x + (-gradN[t]! / m) * 60, y + (gradP[t]! / m) * 60, 'class="boundary"');
    scene += arrow(x, y, x - 60 / Math.SQRT2, y - 60 / Math.SQRT2, 'class="guide"');
    const alphaN = Math.max(state.sn + state.margin, 0);
    const alphaP = Math.max(1 + state.margin - state.sp, 0);
    const ratio = alphaP > 0 ? alphaN / alphaP : Infinity;
    const inside = state.sn ** 2 + (state.sp - 1) ** 2 < 2 * state.margin ** 2;
    const rx = 478;
    const readout = [
      `s_n = ${state.sn.toFixed(2)}, s_p = ${state.sp.toFixed(2)}`,
      `α_n = ${alphaN.toFixed(2)}, α_p = ${alphaP.toFixed(2)}`,
      `loss = ${loss[t]!.toFixed(3)}`,
      'push on s_n : s_p',
      Number.isFinite(ratio) ? `${ratio.toFixed(2)} : 1` : 's_p at optimum',
    ];
    scene += text(rx, 40, 'Pair T', 'class="panel-title"');
    readout.forEach((line, i) => (scene += text(rx, 68 + i * 26, line, '')));
    scene += line(rx, 230, rx + 30, 230, 'class="boundary"') + text(rx + 36, 234, 'Circle loss', '');
    scene += line(rx, 256, rx + 30, 256, 'class="guide"') + text(rx + 36, 260, 's_n − s_p losses', '');
    scene += text(rx, 290, `m = ${state.margin.toFixed(2)}, γ = ${state.scale}`, 'class="note"');
    const where = inside ? 'inside the circular boundary (the pair is already separated by the margin)' : 'outside the circular boundary';
    const summary =
      `Pair T at s_n = ${state.sn.toFixed(2)}, s_p = ${state.sp.toFixed(2)}, ${where}. Circle loss ${loss[t]!.toFixed(3)}, with weights α_n = ${alphaN.toFixed(2)} and α_p = ${alphaP.toFixed(2)}: ` +
      (Number.isFinite(ratio) ? `it lowers s_n ${ratio.toFixed(2)} times as hard as it raises s_p, ` : 's_p is at its optimum, so only s_n is pushed, ') +
      `where a loss on s_n − s_p pushes both equally. The boundary is the circle s_n² + (s_p − 1)² = 2m² with m = ${state.margin.toFixed(2)}.`;
    return { scene, summary };
  },
};

export default figure;
