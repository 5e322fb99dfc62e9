import type { LabView } from '../messages';

/** Asks the worker for thumbnails a view left out (engine.thumbnails): null for an example no longer in the lab. */
type FetchThumbs = (ids: string[]) => Promise<Array<Blob | null>>;

/** As many as the worker sends in one message (worker/views.ts THUMBS_PER_MESSAGE). */
const PER_REQUEST = 400;

/**
 * The thumbnails the worker sends (Blobs), by example id, and their object
 * URLs: a URL is made when a thumbnail is first drawn (most of a big lab's
 * never are) and revoked when its example leaves the lab. A view carries each
 * thumbnail once, and at most a few hundred new ones; the rest are asked for
 * here in parts, each its own short message, and every picture drawn before
 * its thumbnail came (`img[data-thumb-id]` without a source) is filled in then.
 */
export class ThumbUrls {
  private blobs = new Map<string, Blob>();
  private readonly urls = new Map<string, string>();
  /** The examples of the latest view, and those of them still without a thumbnail. */
  private present = new Set<string>();
  private missing: string[] = [];
  private fetching = false;

  private readonly fetchThumbs: FetchThumbs;

  constructor(fetchThumbs: FetchThumbs) {
    this.fetchThumbs = fetchThumbs;
  }

  /** The thumbnail's address, made on first use; undefined for an id whose thumbnail has not come (yet). */
  url(id: string): string | undefined {
    let url = this.urls.get(id);
    const blob = this.blobs.get(id);
    if (!url && blob) this.urls.set(id, (url = URL.createObjectURL(blob)));
    return url;
  }

  /** The lab's examples now, each thumbnail as the worker sent it (once); the URLs of examples no longer in it are revoked. */
  retain(classes: LabView['classes']): void {
    const next = new Map<string, Blob>();
    const missing: string[] = [];
    this.present = new Set();
    for (const { examples } of classes) {
      for (const { id, thumb } of examples) {
        this.present.add(id);
        const blob = thumb ?? this.blobs.get(id);
        if (blob) next.set(id, blob);
        else missing.push(id);
      }
    }
    for (const [id, url] of this.urls) {
      if (next.get(id) !== this.blobs.get(id)) {
        URL.revokeObjectURL(url);
        this.urls.delete(id);
      }
    }
    this.blobs = next;
    this.missing = missing;
    void this.fetchMissing();
  }

  /** One part at a time, until every example of the latest view has its thumbnail. */
  private async fetchMissing(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    try {
      while (this.missing.length > 0) {
        const part = this.missing.splice(0, PER_REQUEST);
        // A worker that stopped meanwhile is replaced, and the new one's first view sends its thumbnails again.
        const thumbs = await this.fetchThumbs(part).catch(() => []);
        // A view that came meanwhile says which examples the lab has now: only theirs are kept.
        part.forEach((id, i) => {
          const thumb = thumbs[i];
          if (thumb && this.present.has(id) && !this.blobs.has(id)) this.blobs.set(id, thumb);
        });
        this.fillDrawn();
      }
    } finally {
      this.fetching = false;
    }
  }

  /** Pictures drawn before their thumbnail came get it now. */
  private fillDrawn(): void {
    for (const img of document.querySelectorAll<HTMLImageElement>('img[data-thumb-id]:not([src]), img[data-thumb-id][src=""]')) {
      const url = this.url(img.dataset.thumbId!);
      if (url) img.src = url;
    }
  }
}
