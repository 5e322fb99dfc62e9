/**
 * One class of the lab on the page. Every card has its name, "Remove class",
 * its count and "Download these pictures" (cheap, so all 200 classes of a big
 * lab are there to read, rename and reach by keyboard); the rest — thumbnails,
 * drawing pad, "Take photos", "Add image files" (class-card-body.ts) — is
 * built when the card first comes near the screen and leaves the DOM when it
 * goes far, kept aside so a half-finished drawing survives. A card lives as
 * long as its class id.
 */
import type { LabView } from '../messages';
import { createCardBody, type BodyActions, type CardBody } from './class-card-body';
import { el } from './dom';
import { acceptDroppedAndPastedFiles } from './images';
import type { ThumbUrls } from './thumbs';

export type ClassData = LabView['classes'][number];

export interface ClassActions extends BodyActions {
  rename(id: string, name: string): Promise<string | null>;
  remove(id: string): void;
  download(id: string, message: HTMLElement): void;
}

export interface ClassCard {
  root: HTMLElement;
  update(data: ClassData): void;
  /**
   * Near the screen the card is whole; far from it, only its shell stays in the DOM, as tall as the card was whole.
   * `height`: that height where the caller knows it (an IntersectionObserver entry's box), so emptying cards does
   * not lay the page out once per card.
   */
  setNear(near: boolean, height?: number): void;
}

export function createClassCard(data: ClassData, actions: ClassActions, thumbs: ThumbUrls): ClassCard {
  const { id } = data;
  let name = data.name;
  let ids: string[] = [];
  const nameInput = el('input', { type: 'text', value: name, 'aria-label': 'Class name', maxLength: 80 });
  const root = el('article', { className: 'lab-class', tabIndex: 0 });
  const count = el('p', { className: 'count' });
  const message = el('p', { className: 'message', role: 'alert' });

  nameInput.addEventListener('change', async () => {
    // A refused name (blank, or another class's) puts the previous one back.
    const error = await actions.rename(id, nameInput.value);
    message.textContent = error ?? '';
    if (error) nameInput.value = name;
  });
  const remove = el('button', { type: 'button', textContent: 'Remove class' });
  remove.addEventListener('click', () => actions.remove(id));
  const download = el('button', { type: 'button', textContent: 'Download these pictures' });
  download.addEventListener('click', () => actions.download(id, message));
  // Files dropped on a class, or pasted while its card has focus, become its examples.
  acceptDroppedAndPastedFiles(root, (dropped) => actions.addPictures(id, dropped.map((f) => ({ source: f, name: f.name })), message));
  root.append(el('div', { className: 'class-head' }, nameInput, remove), el('div', { className: 'class-count' }, count, download), message);

  let body: CardBody | undefined;

  function setNear(near: boolean, height?: number) {
    if (near && !root.hasAttribute('data-filled')) {
      body ??= createCardBody(id, actions, thumbs, message);
      body.show(ids, name);
      message.before(...body.parts);
      root.style.minHeight = '';
      root.setAttribute('data-filled', '');
    } else if (!near && body && root.hasAttribute('data-filled') && !body.busy()) {
      // A shell keeps the height it had whole, so the page does not jump when a card far above it empties.
      root.style.minHeight = `${height ?? root.offsetHeight}px`;
      body.parts.forEach((part) => part.remove());
      root.removeAttribute('data-filled');
    }
  }

  /** What the card shows now, so an update that changes nothing costs nothing. */
  let shown = '';

  function update(next: ClassData) {
    const key = `${next.name}\u0000${next.exampleIds.join(',')}`;
    if (key === shown) return;
    shown = key;
    ids = next.exampleIds;
    name = next.name;
    if (document.activeElement !== nameInput) nameInput.value = name;
    root.setAttribute('aria-label', `Class ${name}`);
    // A card kept whole while busy (focus, recording) is redrawn too, far from the view or not.
    if (root.hasAttribute('data-filled')) body?.show(ids, name);
    const n = ids.length;
    count.textContent = n === 0 ? 'No examples yet.' : `${n} ${n === 1 ? 'example' : 'examples'}`;
    download.hidden = n === 0;
  }
  update(data);
  return { root, update, setNear };
}
