/** Reading a built site: its files, its pages and the scripts a page carries (build scripts and tests share these). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root`, depth first. */
export function* filesUnder(root: string): Generator<string> {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

export function* htmlFiles(root: string): Generator<string> {
  for (const file of filesUnder(root)) if (file.endsWith('.html')) yield file;
}

/** The <script> elements of a page: their src, or their inline body. */
export function scriptsIn(html: string): Array<{ src?: string; body: string }> {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ src: /\bsrc="([^"]+)"/.exec(attributes!)?.[1], body: body! }));
}
