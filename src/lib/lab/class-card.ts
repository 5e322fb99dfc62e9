/**
 * One class of the lab on the page: its name, examples (thumbnails with a
 * remove button beside each), a drawing pad, camera and file buttons. A card
 * lives as long as its class id, so a half-finished drawing survives every
 * update of the lab around it.
 */
import type { LabView } from './engine/lab-engine';
import { createDrawingPad } from './drawing-pad';
import { el } from './dom';
import { acceptDroppedAndPastedFiles } from './images';
import type { ThumbUrls } from './thumbs';

export type ClassData = LabView['classes'][number];

export interface ClassActions {
  rename(id: string, name: string): Promise<string | null>;
  remove(id: string): void;
  addPictures(id: string, pictures: Array<{ source: Blob | ImageBitmap; name: string }>, message: HTMLElement): void;
  takePhoto(id: string, message: HTMLElement): void;
  removeExample(exampleId: string): void;
}

export interface ClassCard {
  root: HTMLElement;
  update(data: ClassData): void;
}

export function createClassCard(data: ClassData, actions: ClassActions, thumbs: ThumbUrls): ClassCard {
  const { id } = data;
  let name = data.name;
  const nameInput = el('input', { type: 'text', value: name, 'aria-label': 'Class name', maxLength: 80 });
  const canvas = el('canvas', { width: 160, height: 160, className: 'pad' });
  const pad = createDrawingPad(canvas);
  const root = el('article', { className: 'lab-class', tabIndex: 0 });
  const list = el('ul', { className: 'thumbnails' });
  const count = el('p', { className: 'count' });
  const message = el('p', { className: 'message', role: 'alert' });

  nameInput.addEventListener('change', async () => {
    // A refused name (blank, or another class's) puts the previous one back.
    const error = await actions.rename(id, nameInput.value);
    message.textContent = error ?? '';
    if (error) nameInput.value = name;
  });
  const files = el('input', { type: 'file', accept: 'image/*', multiple: true, className: 'visually-hidden', id: `${id}-files` });
  files.addEventListener('change', () => {
    actions.addPictures(id, [...(files.files ?? [])].map((f) => ({ source: f, name: f.name })), message);
    files.value = '';
  });
  const addDrawing = el('button', { type: 'button', textContent: 'Add drawing', 'data-draw-only': '' });
  addDrawing.addEventListener('click', async () => {
    if (pad.isEmpty()) {
      message.textContent = 'Draw something on the pad first.';
      return;
    }
    message.textContent = '';
    // Take the drawing and free the pad at once, so the next one can start while this one is embedded.
    const bitmap = await pad.bitmap();
    pad.clear();
    actions.addPictures(id, [{ source: bitmap, name: 'your drawing' }], message);
  });
  const takePhoto = el('button', { type: 'button', textContent: 'Take a photo', 'data-camera-only': '' });
  takePhoto.addEventListener('click', () => actions.takePhoto(id, message));
  const undo = el('button', { type: 'button', textContent: 'Undo stroke', 'data-draw-only': '' });
  undo.addEventListener('click', () => pad.undo());
  const remove = el('button', { type: 'button', textContent: 'Remove class' });
  remove.addEventListener('click', () => actions.remove(id));
  // Files dropped on a class, or pasted while its card has focus, become its examples.
  acceptDroppedAndPastedFiles(root, (dropped) => actions.addPictures(id, dropped.map((f) => ({ source: f, name: f.name })), message));
  root.append(
    el('div', { className: 'class-head' }, nameInput, remove),
    count,
    list,
    el(
      'div',
      { className: 'pad-row' },
      canvas,
      el('div', { className: 'pad-buttons' }, addDrawing, undo, takePhoto, el('label', { htmlFor: `${id}-files`, className: 'file-button' }, 'Add image files'), files),
    ),
    message,
  );

  /** What the card shows now, so an update that changes nothing costs nothing (50 classes × 20 thumbnails re-made per change would block the page). */
  let shown = '';

  function update(next: ClassData) {
    const key = JSON.stringify([next.name, next.examples.map((e) => e.id)]);
    if (key === shown) return;
    shown = key;
    name = next.name;
    if (document.activeElement !== nameInput) nameInput.value = name;
    root.setAttribute('aria-label', `Class ${name}`);
    canvas.setAttribute('aria-label', `Drawing pad for ${name}`);
    list.setAttribute('aria-label', `Examples of ${name}`);
    list.replaceChildren(
      ...next.examples.map((example, index) => {
        const removeOne = el('button', { type: 'button', className: 'remove-example', textContent: '×', 'aria-label': `Remove example ${index + 1} of ${name}` });
        removeOne.addEventListener('click', () => actions.removeExample(example.id));
        return el('li', {}, el('img', { src: thumbs.url(example.id, example.thumb), alt: `Example ${index + 1} of ${name}`, className: 'thumb' }), removeOne);
      }),
    );
    const n = next.examples.length;
    count.textContent = n === 0 ? 'No examples yet.' : `${n} ${n === 1 ? 'example' : 'examples'}`;
  }
  update(data);
  return { root, update };
}
