/**
 * Builds an internal URL that respects Astro's `base`, so the site works when
 * served from a sub-path. `path` is site-relative, e.g. "papers/circle-loss/".
 */
export function siteUrl(path = '', base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}
