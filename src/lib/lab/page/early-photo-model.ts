import { modelOfKind } from '../../models/catalog';
import type { LabPage } from './lab-page';
import { fetchExampleSet } from './presets';

const PHOTO_MODEL = modelOfKind('photo');

/**
 * The photo model chosen before the lab starts (by the visitor, or by the
 * address on load): its download and runtime start while the visitor reads
 * (the worker's prepared.ts takes them for Start or "Try an example set"),
 * and its example set is fetched. Only the lab page calls this, and only for
 * the photo model, whose first verdict waits longest.
 */
export function earlyPhotoModel(page: LabPage, modelSelect: HTMLSelectElement) {
  let prefetched: ReturnType<typeof fetchExampleSet> | undefined;
  return {
    /** Starts both for the chosen model if it is the photo model and the lab has not started. */
    prepare(): void {
      if (page.started() || modelSelect.value !== PHOTO_MODEL) return;
      void page.engine().prepare(page.base, PHOTO_MODEL, page.backend()).catch(() => undefined);
      prefetched ??= fetchExampleSet(page.base, PHOTO_MODEL);
      prefetched.catch(() => undefined);
    },
    /** The example set: the one fetched early when it is the one asked for (fetched again if that failed), else fetched now. */
    exampleSet(wanted: string, setId?: string): ReturnType<typeof fetchExampleSet> {
      const early = !setId && wanted === PHOTO_MODEL ? prefetched : undefined;
      if (!early) return fetchExampleSet(page.base, wanted, setId);
      prefetched = undefined;
      return early.catch(() => fetchExampleSet(page.base, wanted));
    },
  };
}
