import type { LabView } from '../messages';

/** Asks the worker for thumbnails a view left out (engine.thumbnails): null for an example no longer in the lab. */
type FetchThumbs = (ids: string[]) => Promise<Array<Blob | null>>;

/** As many as the worker sends in one message (worker/views.ts THUMBS_PER_MESSAGE). */
const PER_REQUEST = 400;

/**
 * The thumbnails the worker sends (Blobs), by example id, and their
 * addresses: data: URLs, read when a thumbnail is first drawn (most of a big
 * lab's never are) and dropped when its example leaves the lab. Not object
 * URLs: URL.createObjectURL asks the browser process and waits for its
 * answer, and at the end of a 10,000-file import, with the browser busy
 * storing the worker's pictures, one draw of a strip waited 557 ms for it
 * (a Chromium trace of bench:lab --bulk). A FileReader never holds the page.
 * A view carries each thumbnail once, and at most a few hundred new ones; the
 * rest are asked for here in parts, each its own short message, and every
 * picture drawn before its address was ready (`img[data-thumb-id]` without a
 * source) is filled in then.
 */
export class ThumbUrls {
  private blobs = new Map<string, Blob>();
  private readonly urls = new Map<string, string>();
  private readonly reading = new Set<string>();
  /** The examples of the latest view, and those of them still without a thumbnail. */
  private present = new Set<string>();
  private missing: string[] = [];
  private fetching = false;
  private filling = 0;

  private readonly fetchThumbs: FetchThumbs;

  constructor(fetchThumbs: FetchThumbs) {
    this.fetchThumbs = fetchThumbs;
  }

  /** The thumbnail's address; undefined until it is read (asked for here, then filled in where drawn) or has come. */
  url(id: string): string | undefined {
    const url = this.urls.get(id);
    const blob = this.blobs.get(id);
    if (!url && blob && !this.reading.has(id)) this.read(id, blob);
    return url;
  }

  /** The lab's examples now, each thumbnail as the worker sent it (once); those of examples no longer in it are let go. */
  retain({ classes, thumbs }: Pick<LabView, 'classes' | 'thumbs'>): void {
    const next = new Map<string, Blob>();
    const missing: string[] = [];
    this.present = new Set();
    for (const { exampleIds } of classes) {
      for (const id of exampleIds) {
        this.present.add(id);
        const blob = thumbs.get(id) ?? this.blobs.get(id);
        if (blob) next.set(id, blob);
        else missing.push(id);
      }
    }
    for (const id of this.urls.keys()) if (next.get(id) !== this.blobs.get(id)) this.urls.delete(id);
    this.blobs = next;
    this.missing = missing;
    void this.fetchMissing();
  }

  private read(id: string, blob: Blob): void {
    this.reading.add(id);
    const reader = new FileReader();
    reader.onloadend = () => {
      this.reading.delete(id);
      // An example that left (or whose thumbnail changed) while this was read is not filled in.
      if (this.blobs.get(id) !== blob || typeof reader.result !== 'string') return;
      this.urls.set(id, reader.result);
      // The pictures read in one go are filled in together, at the next frame.
      cancelAnimationFrame(this.filling);
      this.filling = requestAnimationFrame(() => this.fillDrawn());
    };
    reader.readAsDataURL(blob);
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

  /** Pictures drawn before their address was ready get it now. */
  private fillDrawn(): void {
    for (const img of document.querySelectorAll<HTMLImageElement>('img[data-thumb-id]:not([src]), img[data-thumb-id][src=""]')) {
      const url = this.url(img.dataset.thumbId!);
      if (url) img.src = url;
    }
  }
}
