/**
 * Pictures in folders as classes: a picked folder, a dropped one or a zip
 * holds one folder per class ("cats/1.jpg", "dogs/2.jpg"), perhaps inside one
 * folder around them all ("pets/cats/1.jpg"). The same rule serves the page
 * (folders) and the worker (zips), so both give the same classes.
 */

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', bmp: 'image/bmp', avif: 'image/avif' };

/** The picture's MIME type from its name, or undefined for a file that is not a picture by name. */
export function imageTypeOf(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : IMAGE_TYPES[path.slice(dot + 1).toLowerCase()];
}

/** Files systems add beside the pictures: macOS's "__MACOSX" and "._x", hidden files, Windows' Thumbs.db. */
function ignored(parts: string[]): boolean {
  return parts.some((p) => p === '__MACOSX' || p.startsWith('.') || p === 'Thumbs.db' || p === 'desktop.ini');
}

const collator = new Intl.Collator(undefined, { numeric: true });

export interface ClassFolder<T> {
  /** The folder's name, the class's name. */
  name: string;
  items: Array<{ path: string; item: T }>;
}

/**
 * Groups items by the folder a picture sits in, one class per folder, in the
 * order of their paths. A folder around all the others is looked
 * through, a folder inside a class folder is a class of its own ("a / b"),
 * pictures loose at the top take the name `fallback`, and files that are not
 * pictures by name are listed, not grouped.
 */
export function classFolders<T>(entries: Array<{ path: string; item: T }>, fallback: string): { classes: ClassFolder<T>[]; skipped: string[] } {
  const skipped: string[] = [];
  const kept = entries
    .map((e) => ({ ...e, parts: e.path.split(/[\\/]/).filter(Boolean) }))
    .filter((e) => {
      if (ignored(e.parts)) return false;
      if (!imageTypeOf(e.path)) skipped.push(e.path);
      return imageTypeOf(e.path) !== undefined;
    })
    // By path, numbers in order (2 before 10), as a file manager lists them: a picked folder's files come in any order.
    .sort((a, b) => collator.compare(a.path, b.path));
  let depth = 0;
  // Look through folders that hold everything (a zip's or a picked folder's own name).
  while (kept.length && kept.every((e) => e.parts.length > depth + 2 && e.parts[depth] === kept[0]!.parts[depth])) depth++;
  const byName = new Map<string, ClassFolder<T>>();
  for (const { path, item, parts } of kept) {
    const name = parts.slice(depth, -1).join(' / ') || fallback;
    const group = byName.get(name) ?? { name, items: [] };
    group.items.push({ path, item });
    byName.set(name, group);
  }
  return { classes: [...byName.values()], skipped };
}

/** The message for a folder with no pictures in it. */
export const noPictures = (folder: string): string => `No pictures were found in ${folder} (PNG, JPEG, WebP, GIF, BMP or AVIF files).`;

/** The line for a file left out of a folder import because its name is not a picture's. */
export const notAPicture = (path: string): string => `${path} is not a picture (by its name), so it was left out.`;

/** A name that every file system takes as a folder: no separators or reserved characters, not empty or dots only. */
export function folderName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return safe || '_';
}
