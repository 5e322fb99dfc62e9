/**
 * One class of the lab on the page: its name, examples (virtualised
 * thumbnails, a remove button beside each), a drawing pad, "Take photos"
 * (hold to record), file and download buttons. A card lives as long as its
 * class id, so a half-finished drawing survives every update of the lab.
 */
import type { LabView } from '../messages';
import { createDrawingPad } from './drawing-pad';
import { el } from './dom';
import { holdToRecord, type RecordingState } from './hold-to-record';
import { acceptDroppedAndPastedFiles } from './images';
import { createThumbStrip } from './thumb-strip';
import type { ThumbUrls } from './thumbs';

export type ClassData = LabView['classes'][number];

export interface ClassActions {
  rename(id: string, name: string): Promise<string | null>;
  remove(id: string): void;
  addPictures(id: string, pictures: Array<{ source: Blob | ImageBitmap; name: string }>, message: HTMLElement): void;
  /** The camera's current frame (hold-to-record captures with it). */
  captureFrame(): Promise<ImageBitmap>;
  /** Frames recorded while "Take photos" was held become examples of the class. */
  addFrames(id: string, frames: ImageBitmap[], message: HTMLElement): Promise<void>;
  download(id: string, message: HTMLElement): void;
  removeExample(exampleId: string): void;
}

export interface ClassCard {
  root: HTMLElement;
  update(data: ClassData): void;
}

/** What the counter beside "Take photos" says. */
export function recordingText({ count, recording, pending }: RecordingState): string {
  const photos = `${count} ${count === 1 ? 'photo' : 'photos'}`;
  if (recording) return `Recording… ${photos}`;
  if (pending > 0) return `${photos} taken; adding them…`;
  return count > 0 ? `${photos} added` : '';
}

export function createClassCard(data: ClassData, actions: ClassActions, thumbs: ThumbUrls): ClassCard {
  const { id } = data;
  let name = data.name;
  const nameInput = el('input', { type: 'text', value: name, 'aria-label': 'Class name', maxLength: 80 });
  const canvas = el('canvas', { width: 160, height: 160, className: 'pad' });
  const pad = createDrawingPad(canvas);
  const root = el('article', { className: 'lab-class', tabIndex: 0 });
  const strip = createThumbStrip(thumbs, (exampleId) => actions.removeExample(exampleId));
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
  const takePhotos = el('button', { type: 'button', textContent: 'Take photos', 'data-camera-only': '', 'aria-describedby': `${id}-record-hint` });
  const recorded = el('span', { className: 'note', role: 'status', 'data-camera-only': '' });
  holdToRecord(takePhotos, {
    capture: actions.captureFrame,
    deliver: (frames) => actions.addFrames(id, frames, message),
    onCount: (state) => (recorded.textContent = recordingText(state)),
    onError: (error) => (message.textContent = error.message),
  });
  const hint = el('span', { className: 'visually-hidden', id: `${id}-record-hint` }, 'Hold to record photos, about twelve a second; a click takes one.');
  const undo = el('button', { type: 'button', textContent: 'Undo stroke', 'data-draw-only': '' });
  undo.addEventListener('click', () => pad.undo());
  const remove = el('button', { type: 'button', textContent: 'Remove class' });
  remove.addEventListener('click', () => actions.remove(id));
  const download = el('button', { type: 'button', textContent: 'Download these pictures' });
  download.addEventListener('click', () => actions.download(id, message));
  // Files dropped on a class, or pasted while its card has focus, become its examples.
  acceptDroppedAndPastedFiles(root, (dropped) => actions.addPictures(id, dropped.map((f) => ({ source: f, name: f.name })), message));
  root.append(
    el('div', { className: 'class-head' }, nameInput, remove),
    el('div', { className: 'class-count' }, count, download),
    strip.root,
    el(
      'div',
      { className: 'pad-row' },
      canvas,
      el('div', { className: 'pad-buttons' }, addDrawing, undo, takePhotos, hint, recorded, el('label', { htmlFor: `${id}-files`, className: 'file-button' }, 'Add image files'), files),
    ),
    message,
  );

  /** What the card shows now, so an update that changes nothing costs nothing. */
  let shown = '';

  function update(next: ClassData) {
    const ids = next.examples.map((e) => e.id);
    const key = `${next.name}\u0000${ids.join(',')}`;
    if (key === shown) return;
    shown = key;
    name = next.name;
    if (document.activeElement !== nameInput) nameInput.value = name;
    root.setAttribute('aria-label', `Class ${name}`);
    canvas.setAttribute('aria-label', `Drawing pad for ${name}`);
    strip.show(ids, name);
    const n = ids.length;
    count.textContent = n === 0 ? 'No examples yet.' : `${n} ${n === 1 ? 'example' : 'examples'}`;
    download.hidden = n === 0;
  }
  update(data);
  return { root, update };
}
