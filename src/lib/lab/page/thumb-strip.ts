/**
 * A class's thumbnails, virtualised: cells of a fixed size in a window that
 * scrolls once there are more than a few rows, and only the cells in view
 * are in the DOM — none at all while the card is off screen — so a class of
 * 500 pictures (or 20 of them) costs a few dozen elements. Each cell is a
 * picture with its remove button beside it.
 */
import { el } from './dom';
import type { ThumbUrls } from './thumbs';

/** Cell size in CSS px (lab.css draws .thumbnails li at this size). */
const CELL_WIDTH = 76;
const CELL_HEIGHT = 54;
/** Rows drawn beyond the window on each side, so a scroll shows pictures at once. */
const OVERSCAN = 1;


export interface ThumbStrip {
  root: HTMLElement;
  show(ids: string[], name: string): void;
}

export function createThumbStrip(thumbs: ThumbUrls, onRemove: (exampleId: string) => void): ThumbStrip {
  const list = el('ul', { className: 'thumbnails' });
  const root = el('div', { className: 'thumb-window' }, list);
  let ids: string[] = [];
  let name = '';
  let onScreen = false;
  let drawn = '';
  // The strip's geometry as the observers and the scroll last told it: drawing never reads layout, so a reply that
  // redraws every whole card does not lay the page out once per card (it held a 200-class lab's page 50–70 ms).
  let [width, height, scrollTop] = [0, 0, 0];

  function draw() {
    const columns = Math.max(1, Math.floor((width || CELL_WIDTH) / CELL_WIDTH));
    const rows = Math.ceil(ids.length / columns);
    list.style.height = `${rows * CELL_HEIGHT}px`;
    const first = onScreen ? Math.max(0, Math.floor(scrollTop / CELL_HEIGHT) - OVERSCAN) : 0;
    const last = onScreen ? Math.min(rows, Math.ceil((scrollTop + (height || CELL_HEIGHT * 3)) / CELL_HEIGHT) + OVERSCAN) : 0;
    const from = first * columns;
    const to = Math.min(ids.length, last * columns);
    const key = `${name}|${columns}|${from}|${to}|${ids.slice(from, to).join(',')}`;
    if (key === drawn) return;
    drawn = key;
    list.replaceChildren(
      ...ids.slice(from, to).map((id, k) => {
        const index = from + k;
        const remove = el('button', { type: 'button', className: 'remove-example', textContent: '×', 'aria-label': `Remove example ${index + 1} of ${name}` });
        remove.addEventListener('click', () => onRemove(id));
        const cell = el('li', {}, el('img', { src: thumbs.url(id) ?? '', 'data-thumb-id': id, alt: `Example ${index + 1} of ${name}`, className: 'thumb' }), remove);
        cell.style.top = `${Math.floor(index / columns) * CELL_HEIGHT}px`;
        cell.style.left = `${(index % columns) * CELL_WIDTH}px`;
        return cell;
      }),
    );
  }

  let frame = 0;
  const soon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  root.addEventListener('scroll', () => ((scrollTop = root.scrollTop), soon()), { passive: true });
  const resized = new ResizeObserver((entries) => {
    for (const { target, contentRect } of entries) target === list ? (width = contentRect.width) : (height = contentRect.height);
    soon();
  });
  [list, root].forEach((box) => resized.observe(box));
  new IntersectionObserver(([entry]) => {
    onScreen = entry!.isIntersecting;
    draw();
  }, { rootMargin: '200px' }).observe(root);

  return {
    root,
    show(next, nextName) {
      [ids, name] = [next, nextName];
      list.setAttribute('aria-label', `Examples of ${name}${ids.length > 0 ? ` (${ids.length})` : ''}`);
      draw();
    },
  };
}
