import type { Handle } from './types.ts';
import { escapeXml, n } from './svg.ts';

const STAR = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 11 : 5;
  const a = (i * Math.PI) / 5 - Math.PI / 2;
  return `${n(r * Math.cos(a))} ${n(r * Math.sin(a))}`;
}).join('L');

function shapeMarkup(shape: Handle['shape']): string {
  if (shape === 'square') return '<rect x="-8" y="-8" width="16" height="16" class="mark"/>';
  if (shape === 'star') return `<path d="M${STAR}Z" class="mark"/>`;
  return '<circle r="8" class="mark"/>';
}

/**
 * One handle's markup. Drawn statically it is a labelled picture of the point
 * (a copy for the pointer only is hidden from assistive technology); the live
 * figure turns it into a focusable, movable control.
 */
export function handleMarkup(handle: Handle): string {
  const semantics = handle.pointerOnly ? 'aria-hidden="true"' : `role="img" aria-label="${escapeXml(handle.label)}"`;
  return (
    `<g class="handle ${handle.className}" data-handle="${escapeXml(handle.id)}" transform="translate(${n(handle.x)} ${n(handle.y)})" ${semantics}>` +
    `<circle r="18" class="hit"/>${shapeMarkup(handle.shape)}</g>`
  );
}
