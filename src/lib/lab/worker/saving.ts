/// <reference lib="webworker" />
import type { SavingView } from '../messages';
import { followedNote, withUnsaved } from './tab-merge';
import type { LabShape, LabStore, LabWrite, SavedLab } from './store';

/**
 * What this tab knows of the lab's storage: which examples are stored, the
 * stamp of the save it last read or wrote, and how the last save went. A save
 * that fails (storage full) writes nothing and deletes nothing; the lab stays
 * in memory, the view names how many pictures are not saved, and the next
 * change tries again.
 */
export class Saving {
  /** Example ids storage holds. */
  readonly stored = new Set<string>();
  stamp: string | undefined;
  /** Every stamp this tab wrote: its own saves come back on the channel, sometimes after a later one of its own. */
  private readonly ownStamps = new Set<string>();
  /** Said in the next view only (another tab's save was taken). */
  note: string | undefined;
  private readonly store: LabStore;
  /** The shape, undo and import record as last written or read, to skip writing what storage already has. */
  private written = '';
  private error: string | undefined;
  private bytes: number | undefined;
  private measuring: Promise<void> = Promise.resolve();
  private turns: Promise<unknown> = Promise.resolve();

  constructor(store: LabStore) {
    this.store = store;
  }

  /** Storage as read (at start, or after another tab saved): what this tab now takes as stored. */
  loaded(saved: SavedLab): void {
    this.stamp = saved.stamp;
    this.stored.clear();
    for (const id of saved.examples.keys()) this.stored.add(id);
    this.written = saved.shape ? recordOf(saved) : '';
    this.measuring = this.measure();
  }

  /** Another tab saved: the lab as stored, and the shape this tab takes (with its pictures never stored; see tab-merge.ts). */
  async takeSaved(mine: LabShape): Promise<{ saved: SavedLab; shape: LabShape }> {
    const saved = await this.store.load();
    const { shape, added } = withUnsaved(saved.shape ?? mine, mine, this.stored);
    this.loaded(saved);
    this.note = followedNote(added);
    return { saved, shape };
  }

  /**
   * Writes the lab unless storage already has it. 'elsewhere': another tab
   * saved since this one read, so nothing was written (the caller takes that
   * lab first); 'failed': the error is kept for the view.
   */
  async save(lab: LabWrite): Promise<'saved' | 'same' | 'elsewhere' | 'failed'> {
    const record = recordOf(lab);
    if (record === this.written && unsavedIn(lab.shape, this.stored) === 0) return this.measuring.then(() => 'same');
    try {
      const done = await this.store.write(lab, this.stamp);
      if (done === 'elsewhere') return 'elsewhere';
      this.stamp = done.stamp;
      this.ownStamps.add(done.stamp);
      this.stored.clear();
      for (const id of done.stored) this.stored.add(id);
      this.written = record;
      this.error = undefined;
      await this.measure();
      return 'saved';
    } catch (error) {
      this.error = describe(error);
      return 'failed';
    }
  }

  /**
   * Runs saves, and takings of another tab's save, one at a time (LabState.save, takeSave): two saves at once read
   * one stamp, and the second took this tab's own save for another tab's, with that tab's (older) lab.
   */
  inTurn<T>(task: () => Promise<T>): Promise<T> {
    const next = this.turns.then(task);
    this.turns = next.catch(() => undefined);
    return next;
  }

  /** Whether a save's stamp is this tab's own, or the one it last read. */
  knows(stamp: string): boolean {
    return stamp === this.stamp || this.ownStamps.has(stamp);
  }

  /** Another tab kept saving while this one tried to take its lab. */
  gaveUp(): void {
    this.error = 'another tab saved this lab at the same moment; the next change tries again';
  }

  view(shape: LabShape, importing: LabWrite['importing']): SavingView {
    const note = this.note;
    this.note = undefined;
    return {
      unsaved: unsavedIn(shape, this.stored),
      ...(this.error ? { error: this.error } : {}),
      ...(this.bytes !== undefined ? { bytes: this.bytes } : {}),
      ...(note ? { note } : {}),
      ...(importing ? { interrupted: { folder: importing.folder, total: importing.total, missing: importing.pending.length } } : {}),
    };
  }

  /** What the lab's database takes (Chromium says per kind of storage; elsewhere the site's whole use). */
  private async measure(): Promise<void> {
    // WebKitGTK's estimate() never answers in a worker: a reply must not wait on it, so after a second the size is unknown.
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, 1000));
    const asked = globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
    const estimate = (await Promise.race([asked, late])) as (StorageEstimate & { usageDetails?: { indexedDB?: number } }) | undefined;
    this.bytes = estimate?.usageDetails?.indexedDB ?? estimate?.usage;
  }
}

const recordOf = (lab: Partial<Pick<LabWrite, 'shape' | 'undo' | 'importing'>>) => JSON.stringify([lab.shape, lab.undo, lab.importing]);

const unsavedIn = (shape: LabShape, stored: ReadonlySet<string>) => shape.classes.reduce((n, c) => n + c.exampleIds.filter((id) => !stored.has(id)).length, 0);

/** The fault, named for the visitor. */
function describe(error: unknown): string {
  // WebKit aborts a transaction it cannot write with no error at all (null).
  if (!error) return 'the browser stopped the save without saying why';
  const { name, message } = error as { name?: string; message?: string };
  if (name === 'QuotaExceededError') return 'this browser’s storage for the site is full (QuotaExceededError)';
  return `the browser could not store it (${name ?? 'Error'}: ${message ?? String(error)})`;
}
