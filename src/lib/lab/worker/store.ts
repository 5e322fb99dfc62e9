/// <reference lib="webworker" />
import { createStore, del, entries, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { HeadOptions } from '../../fewshot/head';
import type { Method } from '../../fewshot/method';
import { currentModelId } from '../../models/catalog';
import { LAB_CHANNEL } from '../lab-channel';
import type { SavedLabPeek } from '../messages';
import { exampleRecord, keepsBlobs, storedExample, type ExampleRecord, type StoredExample } from './stored-picture';

export type { StoredExample } from './stored-picture';

/**
 * The lab in this browser's IndexedDB, written by the worker: the lab's shape
 * (classes, their example ids, model, method) under one key, each example's
 * original, thumbnail and embeddings under its own, and the state before the
 * last destructive action under "undo". An example stays stored while the lab
 * or its undo refers to it. Every save also writes a new stamp: a save is
 * refused when the stamp is not the one this tab last read or wrote, so a tab
 * never writes over (or deletes the examples of) a lab another tab saved that
 * it has not seen; a BroadcastChannel tells the other tabs of each save.
 */
export interface LabShape {
  modelId: string;
  method: Method;
  /** The learned metric head's settings when it is on (retrained from the examples on restore). */
  head?: HeadOptions;
  classes: Array<{ id: string; name: string; exampleIds: string[] }>;
}

/** A folder import under way (or cut short by a reload): its folder or zip, its files, and those not added yet. Cleared when an import ends. */
export interface ImportRecord {
  folder: string;
  total: number;
  pending: string[];
}

/** What storage holds, as read at start or after another tab saved. */
export interface SavedLab {
  shape?: LabShape;
  undo?: Undo;
  importing?: ImportRecord;
  stamp?: string;
  examples: Map<string, StoredExample>;
}

/** What one save writes: the shape, its undo and import record, and the examples they refer to that storage lacks. */
export interface LabWrite {
  shape: LabShape;
  undo: Undo | undefined;
  importing: ImportRecord | undefined;
  examples: ReadonlyMap<string, StoredExample>;
}

export interface Undo {
  /** What the undo button says, e.g. "Undo “Clear everything”". */
  label: string;
  shape: LabShape;
}

const LAB = 'lab';
const UNDO = 'undo';
const IMPORT = 'import';
const STAMP = 'stamp';
const EXAMPLE = 'example:';
const exampleIds = (keys: IDBValidKey[]) => new Set(keys.map(String).filter((key) => key.startsWith(EXAMPLE)).map((key) => key.slice(EXAMPLE.length)));
/** Where version 1 of the page kept its saved lab (idb-keyval's default store). */
export const VERSION_1 = { database: 'keyval-store', store: 'keyval', key: 'metric-atlas-lab' } as const;

export class LabStore {
  private readonly store: UseStore = createStore('metric-atlas-lab', 'lab');
  private readonly channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LAB_CHANNEL) : undefined;
  private blobs: Promise<boolean> | undefined;
  /** Asked once per worker, at its first write (see stored-picture.ts). */
  private blobsKept = (): Promise<boolean> => (this.blobs ??= keepsBlobs(this.store));

  constructor() {
    // In Node (tests) an open channel would keep the process alive; browsers have no unref.
    (this.channel as { unref?: () => void } | undefined)?.unref?.();
  }
  async load(): Promise<SavedLab> {
    const saved: SavedLab = { examples: new Map() };
    for (const [key, value] of await entries<string, unknown>(this.store)) {
      // A retired model's lab opens with its successor; the examples' kept originals are embedded anew.
      if (key === LAB) saved.shape = { ...(value as LabShape), modelId: currentModelId((value as LabShape).modelId) };
      else if (key === UNDO) saved.undo = { ...(value as Undo), shape: { ...(value as Undo).shape, modelId: currentModelId((value as Undo).shape.modelId) } };
      else if (key === IMPORT) saved.importing = value as ImportRecord;
      else if (key === STAMP) saved.stamp = value as string;
      else if (key.startsWith(EXAMPLE)) saved.examples.set(key.slice(EXAMPLE.length), storedExample(value as ExampleRecord));
    }
    return saved;
  }

  /**
   * In one transaction, so a failure (storage full) changes nothing: unless
   * another tab saved since `stamp` ('elsewhere'), writes the shape, undo,
   * import record and the examples storage lacks, drops stored examples
   * neither the shape nor the undo refers to, and stamps the lab anew.
   * Returns the new stamp and the ids of the examples now stored.
   */
  async write(lab: LabWrite, stamp: string | undefined): Promise<{ stamp: string; stored: Set<string> } | 'elsewhere'> {
    // Unique enough to tell saves apart; not a secret.
    const next = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const wanted = new Set([...lab.shape.classes, ...(lab.undo?.shape.classes ?? [])].flatMap((c) => c.exampleIds));
    // The new examples' bytes, read first (see stored-picture.ts); the transaction checks the stamp and what storage has again.
    const had = await this.store('readonly', async (store) => exampleIds(await promisifyRequest(store.getAllKeys())));
    const adding = new Map(await Promise.all([...wanted].filter((id) => !had.has(id) && lab.examples.has(id)).map(async (id) => [id, await exampleRecord(lab.examples.get(id)!, await this.blobsKept())] as const)));
    const result = await this.store('readwrite', async (store) => {
      const [current, keys] = await Promise.all([promisifyRequest(store.get(STAMP)), promisifyRequest(store.getAllKeys())]);
      if (current !== stamp) return 'elsewhere' as const;
      const have = exampleIds(keys);
      try {
        // Test-only switch, set in the worker by tests/e2e/lab-storage-faults.spec.ts: Chromium applies a quota override only to
        // connections opened after it, so the test makes this write fail as a full disk does, in the transaction.
        if ((globalThis as { labStorageFullForTests?: boolean }).labStorageFullForTests) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        for (const [id, record] of adding) if (!have.has(id)) store.put(record, EXAMPLE + id);
        store.put(lab.shape, LAB);
        for (const [key, value] of [[UNDO, lab.undo], [IMPORT, lab.importing]] as const) void (value ? store.put(value, key) : store.delete(key));
        for (const id of have) if (!wanted.has(id)) store.delete(EXAMPLE + id);
        store.put(next, STAMP);
      } catch (error) {
        store.transaction.abort();
        throw error;
      }
      // Storage full shows here, when the transaction cannot commit: then nothing in it was written.
      await promisifyRequest(store.transaction);
      return { stamp: next, stored: new Set([...wanted].filter((id) => have.has(id) || adding.has(id))) };
    });
    if (result !== 'elsewhere') this.channel?.postMessage(next);
    return result;
  }

  /** An example whose embeddings changed (a new model's) is written again. */
  updateExample = async (id: string, example: StoredExample): Promise<void> => set(EXAMPLE + id, await exampleRecord(example, await this.blobsKept()), this.store);

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

  dropVersion1 = (): Promise<void> => del(VERSION_1.key, createStore(VERSION_1.database, VERSION_1.store));
}
