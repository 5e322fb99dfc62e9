import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const ROOT = join(import.meta.dirname, '..', '..');
export const readSeed = () => readFileSync(join(ROOT, 'src/content/source/seed.txt'), 'utf8');

export interface ContentFile {
  id: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Reads a collection folder the way Astro's glob loader does: id = file name, YAML front matter, body. */
export function readCollection(folder: string, extension: string): ContentFile[] {
  const dir = join(ROOT, 'src/content', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${folder}/${name} has no front matter`);
      return { id: name.slice(0, -extension.length), frontmatter: parseYaml(match[1]!), body: match[2]! };
    });
}

/** The notes of a paper body: a nested Markdown list, two spaces per level, «» around the author's remarks. */
export function notesOfBody(body: string): Array<{ depth: number; text: string }> {
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^( *)- (.*)$/.exec(line);
      if (!match) throw new Error(`Paper body line is not a list item: "${line}"`);
      return { depth: match[1]!.length / 2 + 1, text: match[2]!.replace(/[«»]/g, '') };
    });
}

/** Whitespace-normalised text, for comparing the seed with what a page shows. */
export const normalizeText = (text: string) => text.replace(/\s+/g, ' ').trim();
