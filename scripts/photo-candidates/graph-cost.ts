/**
 * What a candidate branch costs: one picture's inference (batch 1,
 * onnxruntime-web WASM, one thread, the graph alone; median of 30 after 5
 * warm-ups) and the graph's size, raw, gzip-compressed (level 9) and
 * brotli-compressed (quality 9), as scripts/compress.ts compresses a
 * multi-megabyte file for the site, for each ONNX file given with its input size:
 *
 *   npx node scripts/photo-candidates/graph-cost.ts models/photo-mobilenetv2-centernet-objectron/model.onnx:224 training/cache/nanodet-224-neck.onnx:224
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { latencyOf, openSession } from './session.ts';

for (const argument of process.argv.slice(2)) {
  const [path, size] = argument.split(':') as [string, string];
  const file = new URL(path, new URL('../../', import.meta.url));
  const bytes = readFileSync(file);
  const session = await openSession(file);
  const ms = await latencyOf(session, Number(size), 30);
  await session.release();
  const mb = (n: number) => (n / 1e6).toFixed(2);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  console.log(`${path} at ${size} px: ${ms.toFixed(1)} ms per picture, ${bytes.length} bytes (${mb(bytes.length)} MB), ${mb(gzipSync(bytes, { level: 9 }).length)} MB gzip, ${mb(brotli.length)} MB brotli`);
}
