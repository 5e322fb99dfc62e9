import * as Comlink from 'comlink';

/** An element with properties (aria-* and data-* as attributes) and children: the lab builds its views with it. */
export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {}, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('aria-') || key.startsWith('data-')) node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  node.append(...children);
  return node;
};

/** Pictures for the worker, their bitmaps transferred (not copied); files and blobs go as they are. */
export function transferPictures<T extends { source: Blob | ImageBitmap }>(pictures: T[]): T[] {
  return Comlink.transfer(pictures, pictures.flatMap((p) => (p.source instanceof ImageBitmap ? [p.source] : [])));
}

/**
 * A fold whose content is built the first time it opens: what a big lab
 * would otherwise build on every reply (a table of thousands of map points,
 * the bars of a hundred more classes) costs nothing until a visitor asks.
 */
export function lazyFold(summary: string, fill: () => Node[], props: Record<string, unknown> = {}): HTMLDetailsElement {
  const fold = el('details', props, el('summary', {}, summary));
  const open = () => {
    if (!fold.open) return;
    fold.removeEventListener('toggle', open);
    fold.append(...fill());
  };
  fold.addEventListener('toggle', open);
  return fold;
}
