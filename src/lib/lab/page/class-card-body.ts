/**
 * The costly part of a class card, built the first time the card comes near
 * the screen: its thumbnails (virtualised), the drawing pad and its buttons,
 * "Take photos" (hold to record) and "Add image files". It is kept while the
 * card lives, so a half-finished drawing survives the card leaving the
 * screen; only its place in the DOM comes and goes (class-card.ts).
 */
import { createDrawingPad } from './drawing-pad';
import { el } from './dom';
import { holdToRecord, type RecordingState } from './hold-to-record';
import { createThumbStrip } from './thumb-strip';
import type { ThumbUrls } from './thumbs';

/** What the body asks of the lab (class-card.ts's ClassActions has these and more). */
export interface BodyActions {
  addPictures(id: string, pictures: Array<{ source: Blob | ImageBitmap; name: string }>, message: HTMLElement): void;
  /** The camera's current frame (hold-to-record captures with it). */
  captureFrame(): Promise<ImageBitmap>;
  /** Frames recorded while "Take photos" was held become examples of the class. */
  addFrames(id: string, frames: ImageBitmap[], message: HTMLElement): Promise<void>;
  removeExample(exampleId: string): void;
}

export interface CardBody {
  /** The thumbnails and the pad row, in that order, for the card to place. */
  parts: HTMLElement[];
  show(ids: string[], name: string): void;
  /** Recording, or holding the focus: taking it out of the DOM now would end what the visitor is doing. */
  busy(): boolean;
}

/** What the counter beside "Take photos" says. */
export function recordingText({ count, recording, pending }: RecordingState): string {
  const photos = `${count} ${count === 1 ? 'photo' : 'photos'}`;
  if (recording) return `Recording… ${photos}`;
  if (pending > 0) return `${photos} taken; adding them…`;
  return count > 0 ? `${photos} added` : '';
}

export function createCardBody(id: string, actions: BodyActions, thumbs: ThumbUrls, message: HTMLElement): CardBody {
  const canvas = el('canvas', { width: 160, height: 160, className: 'pad' });
  const pad = createDrawingPad(canvas);
  const strip = createThumbStrip(thumbs, (exampleId) => actions.removeExample(exampleId));
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
    const bitmap = await pad.take();
    actions.addPictures(id, [{ source: bitmap, name: 'your drawing' }], message);
  });
  const takePhotos = el('button', { type: 'button', textContent: 'Take photos', 'data-camera-only': '', 'aria-describedby': `${id}-record-hint` });
  const recorded = el('span', { className: 'note', role: 'status', 'data-camera-only': '' });
  const recorder = holdToRecord(takePhotos, {
    capture: actions.captureFrame,
    deliver: (frames) => actions.addFrames(id, frames, message),
    onCount: (state) => (recorded.textContent = recordingText(state)),
    onError: (error) => (message.textContent = error.message),
  });
  const hint = el('span', { className: 'visually-hidden', id: `${id}-record-hint` }, 'Hold to record photos, about twelve a second; a click takes one.');
  const undo = el('button', { type: 'button', textContent: 'Undo stroke', 'data-draw-only': '' });
  undo.addEventListener('click', () => pad.undo());
  const padRow = el(
    'div',
    { className: 'pad-row' },
    canvas,
    el('div', { className: 'pad-buttons' }, addDrawing, undo, takePhotos, hint, recorded, el('label', { htmlFor: `${id}-files`, className: 'file-button' }, 'Add image files'), files),
  );
  return {
    parts: [strip.root, padRow],
    show(ids, name) {
      canvas.setAttribute('aria-label', `Drawing pad for ${name}`);
      strip.show(ids, name);
    },
    busy: () => recorder.recording || padRow.contains(document.activeElement) || strip.root.contains(document.activeElement),
  };
}
