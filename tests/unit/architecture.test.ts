/**
 * The code's shape, checked (issue 27): no import cycle anywhere in src/, the
 * lab's worker imports nothing from its page, and no module under src/lib or
 * src/workers is over 150 lines. Imports are read from the source text (type
 * imports too: a ring of types is still a ring to a reader).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 150;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Each file's relative imports (static, re-exports and dynamic), resolved to files under src/. */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specifiers
    .map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier.split('?')[0]!)))
    .map((path) => [path, `${path}.ts`, `${path}/index.ts`].find((candidate) => known.has(candidate)))
    .filter((path): path is string => path !== undefined);
}

const files = sourceFiles('src');
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) (visit(next), low.set(file, Math.min(low.get(file)!, low.get(next)!)));
      else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do component.push((member = stack.pop()!));
    while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('the code’s shape', () => {
  test('the import graph is read (a check that reads nothing cannot fail)', () => {
    expect(graph.get('src/lib/lab/worker/engine.ts')).toContain('src/lib/lab/worker/state.ts');
    expect(graph.get('src/workers/lab.worker.ts')).toContain('src/lib/lab/worker/engine.ts');
  });

  test('no import cycle in src/', () => {
    expect(cycles()).toEqual([]);
  });

  test('the lab’s worker imports nothing from its page, and the page names the worker’s code only in lab-page.ts', () => {
    const across = (from: string, to: string) => [...graph].flatMap(([file, imports]) => (file.startsWith(from) ? imports.filter((i) => i.startsWith(to)).map((i) => `${file} → ${i}`) : []));
    expect(across('src/lib/lab/worker/', 'src/lib/lab/page/')).toEqual([]);
    expect(across('src/lib/lab/page/', 'src/lib/lab/worker/')).toEqual(['src/lib/lab/page/lab-page.ts → src/lib/lab/worker/engine.ts']);
  });

  test(`no module under src/lib or src/workers is over ${MAX_LINES} lines`, () => {
    const long = [...sourceFiles('src/lib'), ...sourceFiles('src/workers')]
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
