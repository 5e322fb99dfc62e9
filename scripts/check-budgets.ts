/**
 * Checks the built site against budgets.json and prints what it measured:
 * - pages outside `pagesWithScripts` load no script file (an inline script without imports is allowed);
 * - the lab's JavaScript before the visitor starts, with everything it imports statically;
 * - each live figure's island: the page's loader, the island runtime, the figure and the kernels wrapper;
 * - the models' total size.
 * Usage: node scripts/check-budgets.ts [dist]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { htmlFiles, scriptsIn } from './site-files.ts';

const dist = process.argv[2] ?? 'dist';
const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as {
  pagesWithScripts: string[];
  labBeforeUseCompressedBytes: number;
  figureIslandCompressedBytes: number;
  modelsTotalBytes: number;
};
const problems: string[] = [];
const rows: Array<{ budget: string; measured: string; limit: string }> = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g;

/** A script and every chunk it imports statically (dynamic imports load later, on use). */
function closure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, next] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(join(file, '..', next!));
  };
  files.forEach(visit);
  return seen;
}
const compressed = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + brotliCompressSync(readFileSync(file)).length, 0);
const assetPath = (src: string) => join(dist, src.replace(/^\/(metric-atlas\/)?/, ''));

// 1. Pages without a demo load no script files.
let pages = 0;
let offenders = 0;
for (const file of htmlFiles(dist)) {
  const page = relative(dist, file).replace(/index\.html$/, '');
  if (budgets.pagesWithScripts.some((prefix) => page.startsWith(prefix))) continue;
  pages++;
  const loading = scriptsIn(readFileSync(file, 'utf8')).filter((script) => script.src || /\bimport\b/.test(script.body));
  if (loading.length === 0) continue;
  offenders++;
  problems.push(`/${page} loads a script file (${loading[0]!.src ?? 'an inline module with imports'}); pages without a demo must not.`);
}
rows.push({ budget: 'pages without a demo that load a script file', measured: `${offenders} of ${pages}`, limit: '0' });

// 2. The lab before use.
const labScripts = scriptsIn(readFileSync(join(dist, 'lab/index.html'), 'utf8')).filter((s) => s.src).map((s) => assetPath(s.src!));
const labBytes = compressed(closure(labScripts));
rows.push({ budget: 'lab JavaScript before use (brotli)', measured: kb(labBytes), limit: kb(budgets.labBeforeUseCompressedBytes) });
if (labBytes > budgets.labBeforeUseCompressedBytes) problems.push(`The lab loads ${kb(labBytes)} of JavaScript before use; the budget is ${kb(budgets.labBeforeUseCompressedBytes)}.`);

// 3. Each figure's island.
const assets = readdirSync(join(dist, '_astro'));
const chunk = (prefix: string) => {
  const name = assets.find((a) => a.startsWith(`${prefix}.`) && a.endsWith('.js'));
  if (!name) throw new Error(`No chunk ${prefix}.*.js in ${dist}/_astro; was the site built?`);
  return join(dist, '_astro', name);
};
const loader = scriptsIn(readFileSync(join(dist, 'topics/wasserstein/index.html'), 'utf8')).filter((s) => s.src).map((s) => assetPath(s.src!));
const { FIGURES } = await import('../src/figures/registry.ts');
for (const figure of FIGURES) {
  const bytes = compressed(closure([...loader, chunk('island'), chunk(figure.id), chunk('kernels')]));
  rows.push({ budget: `figure ${figure.id} (loader + island + figure + kernels, brotli)`, measured: kb(bytes), limit: kb(budgets.figureIslandCompressedBytes) });
  if (bytes > budgets.figureIslandCompressedBytes) problems.push(`The ${figure.id} island is ${kb(bytes)}; the budget is ${kb(budgets.figureIslandCompressedBytes)}.`);
}

// 4. Models.
const modelBytes = readdirSync('models', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .reduce((sum, d) => sum + statSync(join('models', d.name, 'model.onnx')).size, 0);
rows.push({ budget: 'all models (model.onnx files, uncompressed)', measured: kb(modelBytes), limit: kb(budgets.modelsTotalBytes) });
if (modelBytes > budgets.modelsTotalBytes) problems.push(`The models total ${kb(modelBytes)}; the documented budget is ${kb(budgets.modelsTotalBytes)}.`);

console.table(rows);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
