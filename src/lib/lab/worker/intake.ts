/// <reference lib="webworker" />
import { preprocess } from '../../models/preprocess';
import type { LabReply, Picture, Progress, Verdicts } from '../messages';
import { framePixels, keepPicture } from './decode';
import { embedOriginals, newExample } from './examples';
import { paced } from './paced-progress';
import { DEFAULT_CLASSES, type LabState } from './state';
import type { StoredExample } from './store';

/** How a picture becomes an example: by default kept and embedded by newExample; an example set's may take shipped embeddings (shipped.ts). */
export type MakeExample = (picture: Picture, index: number) => Promise<StoredExample>;

/**
 * Pictures into the lab: examples added to a class, folders become classes,
 * example sets replace the classes, and queries are classified. Each picture
 * that cannot be read gets its own line naming it; the others are kept.
 */

/** A folder of pictures that becomes a class (its name). */
export interface Folder {
  name: string;
  pictures: Array<{ source: Blob; name: string }>;
}

/** addPictures for the page's own request: its progress paced (see paced-progress.ts). */
export const addPicturesPaced = (state: LabState, classId: string, pictures: Picture[], onProgress?: Progress): Promise<string[]> => addPictures(state, classId, pictures, onProgress && paced(onProgress));

/** Adds every picture it can to the class; returns one line per picture it could not. */
export async function addPictures(state: LabState, classId: string, pictures: Picture[], onProgress?: Progress, make?: MakeExample): Promise<string[]> {
  const model = state.ready();
  const problems: string[] = [];
  for (const [i, { source, name }] of pictures.entries()) {
    try {
      const example = await (make ? make(pictures[i]!, i) : newExample(source, name, model.id, model.embedder));
      const id = state.classes.addExample(classId, example.embeddings[model.id]!);
      state.examples.set(id, example);
    } catch (error) {
      problems.push(namedProblem(name, error));
    }
    onProgress?.(i + 1, pictures.length);
  }
  return problems;
}

/** The fewest pictures added between saves in a folder import (a big one saves about 40 times): a reload loses only those since the last. */
const CHECKPOINT = 50;

/**
 * The folders as classes, each joined to a class of the same name; the two
 * empty classes a new lab starts with give way to them. Undoable. Saved as it
 * goes, with the files still to add, so a reload mid-import keeps what was
 * added and the next start names what was not; `from` (the folder or zip)
 * picked again after that adds only those.
 */
export async function addFolderClasses(state: LabState, folders: Folder[], onProgress: Progress, from = 'the dropped folders'): Promise<LabReply> {
  // Nothing to add: the lab, and what Undo would restore, stay as they are.
  if (folders.length === 0) return state.reply();
  onProgress = paced(onProgress);
  const cut = state.interrupted?.folder === from ? state.interrupted : undefined;
  const left = cut && new Set(cut.pending);
  const todo = folders.map((f) => ({ ...f, pictures: f.pictures.filter((p) => !left || left.has(p.name)) })).filter((f) => f.pictures.length);
  const pending = todo.flatMap((f) => f.pictures.map((p) => p.name));
  const importing = (state.importing = { folder: from, total: cut?.total ?? pending.length, pending });
  // The shape and the pending list are written with each save, so a big import saves less often.
  const every = Math.max(CHECKPOINT, Math.ceil(pending.length / 40));
  state.remember('Undo “Add classes from folders”');
  for (const c of state.classes.list()) if (c.exampleIds.length === 0 && DEFAULT_CLASSES.includes(c.name)) state.classes.removeClass(c.id);
  const problems: string[] = [];
  let [done, saved] = [0, 0];
  for (const folder of todo) {
    const same = state.classes.list().find((c) => c.name.toLocaleLowerCase() === folder.name.toLocaleLowerCase());
    const id = same?.id ?? state.classes.addClass(folder.name);
    for (let start = 0; start < folder.pictures.length; start += CHECKPOINT) {
      problems.push(...(await addPictures(state, id, folder.pictures.slice(start, start + CHECKPOINT), () => onProgress(++done, pending.length))));
      if (done - saved < every) continue;
      importing.pending = pending.slice((saved = done));
      await state.save(false);
    }
  }
  state.importing = state.interrupted = undefined;
  return state.reply(problems);
}

/** Folder pictures handed over in parts, gathered in order into folders until they are added. */
export function stageInto(staged: Folder[], part: Array<{ folder: string; source: Blob; name: string }>): number {
  for (const { folder, source, name } of part) {
    let last = staged.at(-1);
    if (last?.name !== folder) staged.push((last = { name: folder, pictures: [] }));
    last.pictures.push({ source, name });
  }
  return part.length;
}

/** Classifies pictures (files, drawings, one camera photo): they become the last queries, kept for the next changes. */
export async function classify(state: LabState, pictures: Picture[]): Promise<{ verdicts: Verdicts; problems: string[] }> {
  const problems = await takeQueries(state, pictures);
  return { verdicts: state.verdicts(), problems };
}

/** One live camera frame: embedded and classified against the cached prototypes; no thumbnail, no map. */
export async function classifyFrame(state: LabState, frame: ImageBitmap): Promise<Verdicts> {
  const { embedder } = state.ready();
  const out = await embedder.embed([preprocess(framePixels(frame, 320), embedder.card)]);
  state.queries = { embeddings: [out.data], thumbs: [], originals: [] };
  return state.verdicts(false);
}

/** The pictures that can be read become the last queries (the previous ones stay if none can). */
export async function takeQueries(state: LabState, pictures: Picture[], make?: MakeExample): Promise<string[]> {
  const { embedder, id } = state.ready();
  if (make) return madeQueries(state, pictures, make, id);
  const kept: Array<{ original: Blob; thumb: Blob }> = [];
  const problems: string[] = [];
  for (const { source, name } of pictures) {
    try {
      kept.push(await keepPicture(source, name, embedder.card.kind === 'sketch' ? 'sketch' : 'photo'));
    } catch (error) {
      problems.push(namedProblem(name, error));
    }
  }
  if (kept.length) {
    const originals = kept.map((k) => k.original);
    state.queries = { embeddings: await embedOriginals(originals, embedder), thumbs: kept.map((k) => k.thumb), originals };
  }
  return problems;
}

export function namedProblem(name: string, error: unknown): string {
  const message = (error as Error).message;
  return message.includes(name) ? message : `${name}: ${message}`;
}

/** Queries made one by one by `make` (an example set's, see shipped.ts). */
async function madeQueries(state: LabState, pictures: Picture[], make: MakeExample, modelId: string): Promise<string[]> {
  const made: StoredExample[] = [];
  const problems: string[] = [];
  for (const [i, picture] of pictures.entries()) await make(picture, i).then((m) => made.push(m), (error: unknown) => problems.push(namedProblem(picture.name, error)));
  if (made.length) state.queries = { embeddings: made.map((m) => m.embeddings[modelId]!), thumbs: made.map((m) => m.thumb), originals: made.map((m) => m.original) };
  return problems;
}
