import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/** Where the worker's code thinks the site is, in Node tests: its files are read from the repository. */
export const SITE = 'http://site.test/';
const ROOT = resolve(import.meta.dirname, '../..');

/** For the tests of this file: `fetch` answers the site's paths from the repository (404 for what it lacks). */
export function serveRepositoryAsSite(): void {
  beforeEach(() => {
    vi.stubGlobal('fetch', async (url: string) => {
      const path = url.startsWith(SITE) ? url.slice(SITE.length) : url;
      try {
        return new Response(readFileSync(resolve(ROOT, path)));
      } catch {
        return new Response('not found', { status: 404 });
      }
    });
  });
  afterEach(() => vi.unstubAllGlobals());
}
