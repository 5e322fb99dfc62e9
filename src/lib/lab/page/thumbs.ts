import type { LabView } from '../messages';

/**
 * The thumbnails the worker sends (Blobs), by example id, and their object
 * URLs: a URL is made when a thumbnail is first drawn (most of a big lab's
 * never are) and revoked when its example leaves the lab.
 */
export class ThumbUrls {
  private blobs = new Map<string, Blob>();
  private readonly urls = new Map<string, string>();

  /** The thumbnail's address, made on first use; undefined for an id the lab does not have. */
  url(id: string): string | undefined {
    let url = this.urls.get(id);
    const blob = this.blobs.get(id);
    if (!url && blob) this.urls.set(id, (url = URL.createObjectURL(blob)));
    return url;
  }

  /** The lab's examples now, each thumbnail as the worker sent it (once); the URLs of examples no longer in it are revoked. */
  retain(classes: LabView['classes']): void {
    const next = new Map<string, Blob>();
    for (const { examples } of classes) {
      for (const { id, thumb } of examples) {
        const blob = thumb ?? this.blobs.get(id);
        if (blob) next.set(id, blob);
      }
    }
    for (const [id, url] of this.urls) {
      if (next.get(id) !== this.blobs.get(id)) {
        URL.revokeObjectURL(url);
        this.urls.delete(id);
      }
    }
    this.blobs = next;
  }
}
