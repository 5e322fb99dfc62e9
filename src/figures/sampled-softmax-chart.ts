/** The charts of the sampled-softmax figure (definitions/sampled-softmax.ts): a value against m, on a log scale, one line per sampling mode. */
import type { SamplingMode } from './negative-sampling.ts';
import { line, n, scale, text } from './svg.ts';

export interface Curve {
  mode: SamplingMode;
  points: Array<{ m: number; value: number }>;
}

const WIDTH = 300;
const HEIGHT = 130;
const DASH: Record<SamplingMode, string> = { uniform: '', hard: 'stroke-dasharray="6 4"' };
const CLASS: Record<SamplingMode, string> = { uniform: 'class-1', hard: 'class-3' };

/** A round upper end for the value axis: 1, 2 or 5 times a power of ten. */
function niceTop(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1e-6)));
  return [1, 2, 5, 10].map((f) => f * power).find((top) => top >= value)!;
}

/** One chart with its title at (left, top); `current` is the reader's m and the value there in the chosen mode. */
export function curvesPanel(left: number, top: number, title: string, curves: Curve[], current: { m: number; value: number; mode: SamplingMode }): string {
  const X = scale([0, 8], [left + 40, left + 40 + WIDTH - 50]);
  const ceiling = niceTop(Math.max(current.value, ...curves.flatMap((c) => c.points.map((p) => p.value))));
  const Y = scale([0, ceiling], [top + 20 + HEIGHT, top + 20]);
  let out = text(left, top + 8, title, 'class="panel-title"');
  out += line(X.to(0), Y.to(0), X.to(8), Y.to(0), 'class="axis"') + line(X.to(0), Y.to(0), X.to(0), Y.to(ceiling), 'class="axis"');
  out += text(X.to(0) - 6, Y.to(ceiling) + 5, String(ceiling), 'class="note" text-anchor="end"') + text(X.to(0) - 6, Y.to(0) + 5, '0', 'class="note" text-anchor="end"');
  for (const m of [1, 4, 16, 64, 256]) out += text(X.to(Math.log2(m)), Y.to(0) + 18, String(m), 'class="note" text-anchor="middle"');
  for (const curve of curves) {
    const d = curve.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(X.to(Math.log2(p.m)))} ${n(Y.to(p.value))}`).join('');
    const width = curve.mode === current.mode ? 3 : 1.5;
    out += `<path d="${d}" class="stroke-c ${CLASS[curve.mode]}" stroke-width="${width}" ${DASH[curve.mode]}/>`;
  }
  out += `<circle cx="${n(X.to(Math.log2(current.m)))}" cy="${n(Y.to(current.value))}" r="6" class="fill-c ${CLASS[current.mode]}"/>`;
  return out;
}

/** Which line is which, and the m axis's name, under the charts. */
export function chartLegend(left: number, y: number): string {
  return (
    line(left, y - 5, left + 28, y - 5, `class="stroke-c ${CLASS.uniform}" stroke-width="3"`) +
    text(left + 34, y, 'uniform', '') +
    line(left + 110, y - 5, left + 138, y - 5, `class="stroke-c ${CLASS.hard}" stroke-width="3" ${DASH.hard}`) +
    text(left + 144, y, 'hard', '') +
    text(left + 300, y, 'm, log scale', 'class="note" text-anchor="end"')
  );
}
