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

  /** The lab's thumbnails now; the URLs of examples no longer in it are revoked. */
  retain(thumbs: Map<string, Blob>): void {
    this.blobs = thumbs;
    for (const [id, url] of this.urls) {
      if (!thumbs.has(id)) {
        URL.revokeObjectURL(url);
        this.urls.delete(id);
      }
    }
  }
}
