/**
 * Object URLs for the thumbnails the worker sends (Blobs), one per example
 * id, made once and revoked when the example leaves the lab.
 */
export class ThumbUrls {
  private readonly urls = new Map<string, string>();

  url(id: string, blob: Blob): string {
    let url = this.urls.get(id);
    if (!url) this.urls.set(id, (url = URL.createObjectURL(blob)));
    return url;
  }

  get(id: string): string | undefined {
    return this.urls.get(id);
  }

  /** Revokes every URL whose id is not in `keep`. */
  retain(keep: Set<string>): void {
    for (const [id, url] of this.urls) {
      if (!keep.has(id)) {
        URL.revokeObjectURL(url);
        this.urls.delete(id);
      }
    }
  }
}
