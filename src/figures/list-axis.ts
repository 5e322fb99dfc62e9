/**
 * A query's list drawn along a vertical distance axis, distance growing upwards
 * from the query at the bottom; positives and negatives in two columns beside
 * the axis. The FastAP and Ranked List Loss figures share it, so the arrow keys
 * move an item farther (up) or nearer (down) in both.
 */
import { line, n, scale, text } from './svg.ts';
import type { Handle } from './types.ts';

export interface ListAxis {
  /** Distance ↔ y in the viewBox. */
  y: ReturnType<typeof scale>;
  x: number;
  /** Columns of the positives' and the negatives' handles. */
  positiveX: number;
  negativeX: number;
  max: number;
}

export function listAxis(x: number, top: number, bottom: number, max: number): ListAxis {
  return { y: scale([0, max], [bottom, top]), x, positiveX: x + 34, negativeX: x + 74, max };
}

/** The axis line, its ticks every `every`, its title, and the query's mark at distance 0. */
export function drawListAxis(axis: ListAxis, title: string, every = 1): string {
  const bottom = axis.y.to(0);
  const top = axis.y.to(axis.max);
  let out = line(axis.x, top, axis.x, bottom, 'class="axis"');
  for (let v = 0; v <= axis.max + 1e-9; v += every) {
    out += line(axis.x - 5, axis.y.to(v), axis.x, axis.y.to(v), 'class="axis"') + text(axis.x - 9, axis.y.to(v) + 5, String(Math.round(v * 100) / 100), 'text-anchor="end" class="note"');
  }
  const middle = (top + bottom) / 2;
  out += text(18, middle, title, `text-anchor="middle" transform="rotate(-90 18 ${n(middle)})" class="note"`);
  out += `<circle cx="${axis.x}" cy="${n(bottom)}" r="6" class="fill-c query"/>` + text(axis.x + 12, bottom + 18, 'query', 'class="note"');
  return out;
}

/** Handles for the list's items: positives (circles) in one column, negatives (squares) in the other. */
export function listHandles(axis: ListAxis, positives: number[], negatives: number[]): Handle[] {
  const make = (kind: 'positive' | 'negative', values: number[]) =>
    values.map(
      (d, i): Handle => ({
        id: `${kind[0]}${i}`,
        x: kind === 'positive' ? axis.positiveX : axis.negativeX,
        y: axis.y.to(d),
        label: `${kind === 'positive' ? 'Positive' : 'Negative'} ${i + 1} at distance ${d.toFixed(2)}`,
        className: kind === 'positive' ? 'class-0' : 'class-1',
        shape: kind === 'positive' ? 'circle' : 'square',
      }),
    );
  return [...make('positive', positives), ...make('negative', negatives)];
}

/** Moves item `id` ("p2", "n0") to the distance under y, kept on the axis. */
export function moveListItem(axis: ListAxis, positives: number[], negatives: number[], id: string, y: number): void {
  const values = id.startsWith('p') ? positives : negatives;
  const index = Number(id.slice(1));
  if (!(index in values)) return;
  values[index] = Math.min(axis.max, Math.max(0, axis.y.from(y)));
}

/** Legend rows: a positive's circle and a negative's square. */
export function listLegend(x: number, y: number): string {
  return (
    `<circle cx="${x + 6}" cy="${y - 5}" r="6" class="fill-c class-0"/>` +
    text(x + 18, y, 'positive', '') +
    `<rect x="${x + 84}" y="${y - 11}" width="12" height="12" class="fill-c class-1"/>` +
    text(x + 102, y, 'negative', '')
  );
}
