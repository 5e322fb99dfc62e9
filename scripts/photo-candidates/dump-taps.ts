/**
 * For a parity check outside Node (training/objectron_reference.py): the two
 * fixture photographs through the photo model's preprocessing at `size` px
 * (NCHW, RGB in [0, 1]), and a candidate graph's outputs on them, written as
 * raw float32 files (one row per photograph) with a JSON index:
 *
 *   npx node scripts/photo-candidates/dump-taps.ts training/cache/objectron-300.onnx 300 training/cache/objectron-parity
 *
 * With an `out` ending in .json, one JSON file instead: the outputs per
 * photograph as numbers (the photo model's parity test reads
 * tests/fixtures/photos/objectron-conv1-float16.json, made so from
 * convert_objectron.py's float16 graph at 224 px).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { preprocess } from '../../src/lib/models/preprocess.ts';
import { openSession, photoCardAt, runPictures } from './session.ts';

const [graph, sizeText, out] = process.argv.slice(2) as [string, string, string];
const size = Number(sizeText);
const root = new URL('../../', import.meta.url);
const asJson = out.endsWith('.json');
const dir = new URL(asJson ? './' : `${out}/`, new URL(out, root));
mkdirSync(dir, { recursive: true });
const names = ['chelsea.png', 'coffee.png'];
const pictures = names.map((name) => {
  const png = PNG.sync.read(readFileSync(new URL(`tests/fixtures/photos/${name}`, root)));
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
});
const inputs = new Float32Array(pictures.length * 3 * size * size);
pictures.forEach((p, i) => inputs.set(preprocess(p, photoCardAt(size)), i * 3 * size * size));
const session = await openSession(new URL(graph, root));
const outputs = [...session.outputNames];
const taps = await runPictures(session, pictures, 'full', size, outputs);
if (asJson) {
  const rows = (values: Float32Array) => names.map((_, i) => [...values.subarray((i * values.length) / names.length, ((i + 1) * values.length) / names.length)]);
  const byOutput = Object.fromEntries(Object.entries(taps).map(([name, values]) => [name, rows(values)]));
  writeFileSync(new URL(out, root), JSON.stringify({ madeBy: `npx node scripts/photo-candidates/dump-taps.ts ${graph} ${size} ${out}`, pictures: names, size, outputs: byOutput }) + '\n');
} else {
  writeFileSync(new URL('input.bin', dir), new Uint8Array(inputs.buffer));
  for (const [name, values] of Object.entries(taps)) writeFileSync(new URL(`${name}.bin`, dir), new Uint8Array(values.buffer));
  writeFileSync(new URL('index.json', dir), JSON.stringify({ pictures: names, size, outputs }));
}
await session.release();
console.log(`${out}: ${names.join(', ')} at ${size} px, outputs ${outputs.join(', ')}`);
