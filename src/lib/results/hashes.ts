import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetSource } from '../eval/dataset-sources.ts';
import type { StampDataset, StampModel } from '../../schemas/bench-file.ts';

/** The SHA-256 of the models and data sets a results file measured (its stamp's models and datasets). Node only. */

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Of these ids, those that are models of models/ (a benchmark's rows also name peers that are not: TensorFlow.js graphs). */
export function modelIdsWithFiles(ids: Iterable<string>): string[] {
  return [...new Set(ids)].filter((id) => /^[a-z0-9-]+$/.test(id) && existsSync(join(ROOT, `models/${id}/model.onnx`)));
}

/** models/<id>/model.onnx and its SHA-256. */
export function hashModel(id: string): StampModel {
  const file = `models/${id}/model.onnx`;
  if (!existsSync(join(ROOT, file))) throw new Error(`No ${file} to hash for the results stamp: is "${id}" a model of models/?`);
  return { id, file, sha256: sha256(readFileSync(join(ROOT, file))) };
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : entry.isFile() ? [join(prefix, entry.name)] : [],
  );
}

/** Compares as `LC_ALL=C sort` does (code points), not by locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A data set's files and one SHA-256 over them: `sha256sum`'s line for each
 * file ("<hex>  <file>\n"), in code-point order of the paths, hashed again.
 * For Fashion-MNIST also Debian's package and version.
 */
export function hashDataset(id: string): StampDataset {
  const source = datasetSource(id);
  const dir = isAbsolute(source.dir) ? source.dir : join(ROOT, source.dir);
  if (!existsSync(dir)) throw new Error(`The data set "${id}" is not at ${source.dir}${source.debianPackage ? ` (Debian's ${source.debianPackage})` : ''}: nothing to hash for the results stamp.`);
  const files = [...(source.files ?? filesUnder(dir))].sort(byCodePoint);
  const lines = files.map((file) => `${sha256(readFileSync(join(dir, file)))}  ${file}\n`).join('');
  const version = source.debianPackage ? debianPackageVersion(source.debianPackage) : undefined;
  return {
    id,
    dir: source.dir,
    files,
    sha256: sha256(lines),
    ...(source.debianPackage && { debianPackage: { name: source.debianPackage, version: version ?? 'not installed by dpkg' } }),
  };
}

function debianPackageVersion(name: string): string | undefined {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
