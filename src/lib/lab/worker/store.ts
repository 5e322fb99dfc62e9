/// <reference lib="webworker" />
import { createStore, del, delMany, entries, get, set, setMany, type UseStore } from 'idb-keyval';
import type { HeadOptions } from '../../fewshot/head';
import type { Method } from '../../fewshot/method';
import { currentModelId } from '../../models/catalog';
import type { SavedLabPeek } from '../messages';

/**
 * The lab in this browser's IndexedDB, written by the worker: the lab's shape
 * (classes, their example ids, model, method) under one key, each example's
 * original, thumbnail and embeddings under its own, and the state before the
 * last destructive action under "undo". An example stays stored while the lab
 * or its undo refers to it.
 */
export interface LabShape {
  modelId: string;
  method: Method;
  /** The learned metric head's settings when it is on (retrained from the examples on restore). */
  head?: HeadOptions;
  classes: Array<{ id: string; name: string; exampleIds: string[] }>;
}

export interface StoredExample {
  original: Blob;
  thumb: Blob;
  /** Per model id. */
  embeddings: Record<string, Float32Array>;
}

export interface Undo {
  /** What the undo button says, e.g. "Undo “Clear everything”". */
  label: string;
  shape: LabShape;
}

const LAB = 'lab';
const UNDO = 'undo';
const EXAMPLE = 'example:';
/** Where version 1 of the page kept its saved lab (idb-keyval's default store). */
export const VERSION_1 = { database: 'keyval-store', store: 'keyval', key: 'metric-atlas-lab' } as const;

export class LabStore {
  private readonly store: UseStore = createStore('metric-atlas-lab', 'lab');

  async load(): Promise<{ shape?: LabShape; undo?: Undo; examples: Map<string, StoredExample> }> {
    const all = await entries<string, unknown>(this.store);
    const examples = new Map<string, StoredExample>();
    let shape: LabShape | undefined;
    let undo: Undo | undefined;
    for (const [key, value] of all) {
      // A retired model's lab opens with its successor; the examples' kept originals are embedded anew.
      if (key === LAB) shape = { ...(value as LabShape), modelId: currentModelId((value as LabShape).modelId) };
      else if (key === UNDO) undo = { ...(value as Undo), shape: { ...(value as Undo).shape, modelId: currentModelId((value as Undo).shape.modelId) } };
      else if (key.startsWith(EXAMPLE)) examples.set(key.slice(EXAMPLE.length), value as StoredExample);
    }
    return { ...(shape ? { shape } : {}), ...(undo ? { undo } : {}), examples };
  }

  /** Writes the shape and undo, adds new examples, and drops stored examples neither refers to. */
  async save(shape: LabShape, undo: Undo | undefined, examples: ReadonlyMap<string, StoredExample>, stored: Set<string>): Promise<void> {
    const wanted = new Set([...shape.classes, ...(undo?.shape.classes ?? [])].flatMap((c) => c.exampleIds));
    const added = [...wanted].filter((id) => !stored.has(id) && examples.has(id));
    await setMany([[LAB, shape], ...added.map((id) => [EXAMPLE + id, examples.get(id)!] as [string, StoredExample])], this.store);
    if (undo) await set(UNDO, undo, this.store);
    else await del(UNDO, this.store);
    const gone = [...stored].filter((id) => !wanted.has(id));
    if (gone.length) await delMany(gone.map((id) => EXAMPLE + id), this.store);
    for (const id of added) stored.add(id);
    for (const id of gone) stored.delete(id);
  }

  /** An example whose embeddings changed (a new model's) is written again. */
  async updateExample(id: string, example: StoredExample): Promise<void> {
    await set(EXAMPLE + id, example, this.store);
  }

  /** The saved lab's size, read without its pictures ("Resume your lab"); version 1's if that is all there is. */
  async peek(): Promise<SavedLabPeek | null> {
    const shape = await get<LabShape>(LAB, this.store);
    const classes = shape?.classes.map((c) => c.exampleIds.length) ?? ((await this.version1().catch(() => undefined)) as { session?: { classes?: Array<{ examples: unknown[] }> } } | undefined)?.session?.classes?.map((c) => c.examples.length);
    return classes ? { classes: classes.length, examples: classes.reduce((n, c) => n + c, 0) } : null;
  }

  /** Version 1's saved lab, if the page saved one before this version. */
  async version1(): Promise<unknown> {
    return get(VERSION_1.key, createStore(VERSION_1.database, VERSION_1.store));
  }

  async dropVersion1(): Promise<void> {
    await del(VERSION_1.key, createStore(VERSION_1.database, VERSION_1.store));
  }
}

/**
 * Saves the latest state now; changes made while a save runs are saved right
 * after it (one more save, not one per change), so a reload loses at most
 * what the last few milliseconds changed.
 */
export class LatestSaver {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly write: () => Promise<void>;

  constructor(write: () => Promise<void>) {
    this.write = write;
  }

  save(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.write()
      .catch(() => undefined)
      .then(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.save();
        }
      });
  }
}
