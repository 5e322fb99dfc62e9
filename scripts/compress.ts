/**
 * Writes .br and .gz copies of every compressible file of a build, for hosts
 * that serve precompressed files.
 * Usage: node scripts/compress.ts [dir]
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { filesUnder } from './site-files.ts';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.onnx', '.txt', '.xml', '.bib', '.pf_meta', '.pf_fragment', '.pf_index', '.pf_filter']);
const MIN_BYTES = 1024;
const dir = process.argv[2] ?? 'dist';

let count = 0;
let before = 0;
let after = 0;
for (const path of [...filesUnder(dir)]) {
  if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
  const data = readFileSync(path);
  // Quality 11 is slow on the multi-megabyte runtimes; 9 is nearly as small there.
  const quality = data.length > 1_000_000 ? 9 : 11;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  count++;
  before += data.length;
  after += br.length;
}
console.log(`compress: ${count} files, ${(before / 2 ** 20).toFixed(1)} MB → ${(after / 2 ** 20).toFixed(1)} MB with brotli`);
