/// <reference lib="webworker" />
import type { ExampleSet, LabReply, Progress } from '../messages';
import { addPictures, takeQueries, type MakeExample } from './intake';
import { keepSetPicture, setExample, usableShipped, type ShippedCount } from './shipped';
import type { LabState } from './state';

/**
 * "Try an example set": the set's classes replace the lab's (undoable) and
 * its queries are classified, in one request. A set that comes with shipped
 * embeddings has each picture kept as served and takes an embedding the site
 * made where this runtime and these pixels are provably the maker's
 * (shipped.ts); the rest are embedded here.
 */
export async function loadExampleSet(state: LabState, set: ExampleSet, onProgress: Progress): Promise<LabReply> {
  if (state.classes.list().some((c) => c.exampleIds.length)) state.remember('Undo “Try an example set”');
  state.reset(state.classes.method);
  const ids = set.classes.map(({ name }) => state.classes.addClass(name));
  const model = state.ready();
  const usable = usableShipped(set.shipped, model) ?? [];
  const count: ShippedCount = { shipped: 0, embedded: 0 };
  // Every picture decoded, hashed and thumbnailed at once (the browser does these off this thread); the model then runs in turn.
  const all = [...set.classes.flatMap((c) => c.images), ...set.queries];
  const keeping = set.shipped ? all.map((picture, k) => keepSetPicture(picture, usable[k], model.card.output.dim)) : [];
  keeping.forEach((kept) => kept.catch(() => undefined)); // each failure is said where its picture is added
  let offset = 0;
  const maker = (from: number): MakeExample | undefined => set.shipped && (async (picture, i) => setExample(picture, await keeping[from + i]!, model, count));
  const problems: string[] = [];
  let done = 0;
  const total = set.classes.reduce((n, c) => n + c.images.length, 0);
  for (const [i, c] of set.classes.entries()) {
    problems.push(...(await addPictures(state, ids[i]!, c.images, () => onProgress(++done, total), maker(offset))));
    offset += c.images.length;
  }
  problems.push(...(await takeQueries(state, set.queries, maker(offset))));
  if (set.shipped) console.info(`Example set: shipped embeddings taken for ${count.shipped} pictures, ${count.embedded} embedded here.`);
  return state.reply(problems);
}
