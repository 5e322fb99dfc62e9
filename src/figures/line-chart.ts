/** A small line chart for figures: values against x on linear axes from 0, with an optional shaded gap between the first two series and a marked x. */
import { line, n, scale, text } from './svg.ts';

export interface Series {
  values: number[];
  /** CSS classes from the figure palette, e.g. "stroke-c class-1" or "faint". */
  className: string;
  dashed?: boolean;
}

export interface LineChart {
  left: number;
  top: number;
  width: number;
  height: number;
  title: string;
  xLabel: string;
  xs: number[];
  xTicks: number[];
  series: Series[];
  /** An x to mark with a vertical guide. */
  marker?: number;
  /** Shade the area between the first two series. */
  gap?: boolean;
}

/** A round upper end for the value axis: 1, 2 or 5 times a power of ten, or a half step of it. */
function niceTop(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1e-6)));
  return [1, 1.5, 2, 3, 5, 10].map((f) => f * power).find((top) => top >= value)!;
}

export function lineChart(chart: LineChart): string {
  const { left, top, width, height, xs } = chart;
  const X = scale([Math.min(...xs), Math.max(...xs)], [left + 36, left + width]);
  const ceiling = niceTop(Math.max(...chart.series.flatMap((s) => s.values)));
  const Y = scale([0, ceiling], [top + height, top + 24]);
  const bottom = top + height;
  let out = text(left, top, chart.title, 'class="panel-title"');
  out += line(X.to(xs[0]!), bottom, X.to(xs.at(-1)!), bottom, 'class="axis"') + line(left + 36, bottom, left + 36, Y.to(ceiling), 'class="axis"');
  out += text(left + 30, Y.to(ceiling) + 5, String(ceiling), 'class="note" text-anchor="end"') + text(left + 30, bottom + 5, '0', 'class="note" text-anchor="end"');
  for (const tick of chart.xTicks) out += text(X.to(tick), bottom + 20, String(tick), 'class="note" text-anchor="middle"');
  out += text((left + 36 + left + width) / 2, bottom + 40, chart.xLabel, 'class="note" text-anchor="middle"');
  const points = (values: number[]) => values.map((v, i) => `${n(X.to(xs[i]!))} ${n(Y.to(v))}`);
  if (chart.gap && chart.series.length >= 2) {
    out += `<path d="M${[...points(chart.series[0]!.values), ...points(chart.series[1]!.values).reverse()].join('L')}Z" class="gap-area"/>`;
  }
  if (chart.marker !== undefined) out += line(X.to(chart.marker), bottom, X.to(chart.marker), Y.to(ceiling), 'class="guide"');
  for (const s of chart.series) out += `<path d="M${points(s.values).join('L')}" class="${s.className}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
  return out;
}
