/// <reference lib="webworker" />
import { DEFAULT_METHOD } from '../../fewshot/method';
import { imageTypeOf } from '../class-folders';
import type { LabReply, Progress, StartRequest } from '../messages';
import { addFolderClasses, type Folder } from './intake';
import { exportLab, importLab } from './saved-file';
import { parseSavedLab, readSavedLabFile } from './saved-lab';
import { DEFAULT_CLASSES, type LabState } from './state';
import { classToZip, labToZip, readLabZip } from './zip-lab';

/**
 * The lab in and out of files and storage: the saved lab opened at start
 * (with version 1's format migrated), the JSON file, and zips (a lab with its
 * manifest, or plain class folders). Opening a file over the lab is undoable.
 */

/** Opens the lab: the saved one if there is one (or one saved by the page's first version), else two empty classes. */
export async function openSaved(state: LabState, request: StartRequest, onProgress: Progress): Promise<void> {
  const saved = await state.store.load();
  for (const [id, example] of saved.examples) state.examples.set(id, example);
  state.saving.loaded(saved);
  // A folder import a reload cut short: the view says how many of its files were not imported.
  [state.undo, state.importing, state.interrupted] = [saved.undo, saved.importing, saved.importing];
  let shape = saved.shape;
  if (!shape) {
    const old = await state.store.version1().catch(() => undefined);
    if (old) shape = state.adopt(await importLab(parseSavedLab(old)), 'keep');
  }
  await state.load(shape?.modelId ?? request.modelId, request.backend, onProgress);
  await state.rebuild(shape ?? { modelId: request.modelId, method: DEFAULT_METHOD, classes: [] }, onProgress);
  if (!shape) for (const name of DEFAULT_CLASSES) state.classes.addClass(name);
  // The address's metric (an embed's ?metric=) applies to whatever was opened.
  if (request.metric) state.classes.setMethod({ metric: request.metric });
  if (!saved.shape && shape) await state.store.dropVersion1().catch(() => undefined);
}

/** Opens a saved lab file over this one (undoable); its examples are embedded by the current model where they lack it. */
export async function importLabFile(state: LabState, text: string, fileName: string, onProgress: Progress): Promise<LabReply> {
  const lab = await importLab(readSavedLabFile(text, fileName));
  state.remember('Undo “Import”');
  await state.rebuild(state.adopt(lab, 'current'), onProgress);
  return state.reply();
}

/** A zip: the lab it holds (its manifest) opened over this one, undoable; or its class folders added. */
export async function importZip(state: LabState, file: Blob, fileName: string, onProgress: Progress): Promise<LabReply> {
  const contents = await readLabZip(file, fileName);
  if (contents.kind === 'folders') {
    const folders: Folder[] = [];
    for (const c of contents.classes) folders.push({ name: c.name, pictures: await Promise.all(c.items.map(async ({ path, item }) => ({ source: await item.read(imageTypeOf(path)), name: path }))) });
    const added = await addFolderClasses(state, folders, onProgress, fileName);
    return { ...added, problems: [...contents.skipped.map((path) => `${path} in ${fileName} is not a picture (by its name), so it was left out.`), ...added.problems] };
  }
  state.remember('Undo “Import”');
  await state.rebuild(state.adopt(contents.lab, 'current'), onProgress);
  return state.reply();
}

/** The lab as a JSON file (version 2: every original, lossless, and every embedding). */
export function exportLabFile(state: LabState): Promise<Blob> {
  return exportLab(state.shape(), state.examples);
}

/** The lab as a zip of class folders and a manifest (see zip-lab.ts). */
export function exportZip(state: LabState): Promise<Blob> {
  return labToZip(state.shape(), state.examples);
}

/** One class's pictures, as kept, in a zip of one folder. */
export function exportClass(state: LabState, classId: string): Promise<Blob> {
  const found = state.classes.list().find((c) => c.id === classId);
  if (!found) throw new Error('That class is no longer in the lab.');
  return classToZip(found.name, found.exampleIds.map((id) => state.examples.get(id)!.original));
}
