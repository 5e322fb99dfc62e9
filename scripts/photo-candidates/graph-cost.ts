/**
 * What a candidate branch costs: one picture's inference (batch 1,
 * onnxruntime-web WASM, one thread, the graph alone; median of 30 after 5
 * warm-ups) and the graph's size, raw and gzip-compressed (level 9, as the
 * site's files are compressed), for each ONNX file given with its input size:
 *
 *   npx node scripts/photo-candidates/graph-cost.ts models/photo-mobilenetv2-centernet/model.onnx:224 training/cache/nanodet-224-neck.onnx:224
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { latencyOf, openSession } from './session.ts';

for (const argument of process.argv.slice(2)) {
  const [path, size] = argument.split(':') as [string, string];
  const file = new URL(path, new URL('../../', import.meta.url));
  const bytes = readFileSync(file);
  const session = await openSession(file);
  const ms = await latencyOf(session, Number(size), 30);
  await session.release();
  const mb = (n: number) => (n / 1e6).toFixed(2);
  console.log(`${path} at ${size} px: ${ms.toFixed(1)} ms per picture, ${mb(bytes.length)} MB, ${mb(gzipSync(bytes, { level: 9 }).length)} MB gzip-compressed`);
}
