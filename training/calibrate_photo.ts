/**
 * Ranges of every tensor of the photo model on calibration photographs, for
 * training/quantize_photo.py: scikit-image sample photos that are not among
 * the evaluation's photo-crops, each as a few random crops (as the lab's
 * visitors' photos come in all framings). Writes training/cache/photo-ranges.json.
 *
 *   node training/calibrate_photo.ts   (after `python3 training/quantize_photo.py expose`)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { cropRgba } from '../src/lib/images/crop.ts';
import { ortInNode } from '../src/lib/inference/ort-node.ts';
import { parseModelCard } from '../src/lib/models/card.ts';
import { preprocess, type Pixels } from '../src/lib/models/preprocess.ts';

const SAMPLES = '/usr/lib/python3/dist-packages/skimage/data/';
const PHOTOS = ['coins', 'moon', 'motorcycle_left', 'motorcycle_right', 'page', 'ihc', 'color', 'horse', 'logo', 'text', 'microaneurysms', 'phantom'];
const CROPS = 6;

let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

function crop(png: PNG): Pixels {
  const side = Math.round(Math.min(png.width, png.height) * (0.4 + 0.6 * random()));
  const x0 = Math.floor(random() * (png.width - side + 1));
  const y0 = Math.floor(random() * (png.height - side + 1));
  return cropRgba(png, x0, y0, side, side);
}

const card = parseModelCard(JSON.parse(readFileSync('models/photo-mobilenetv3/card.json', 'utf8')));
const ort = ortInNode();
const session = await ort.InferenceSession.create(readFileSync('training/cache/photo-calibration.onnx'), { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' });
const ranges: Record<string, [number, number]> = {};
let images = 0;
for (const name of PHOTOS) {
  const png = PNG.sync.read(readFileSync(`${SAMPLES}${name}.png`));
  for (let c = 0; c < CROPS; c++) {
    const input = preprocess(crop(png), card);
    const outputs = await session.run({ input: new ort.Tensor('float32', input, [1, 3, card.input.height, card.input.width]) });
    for (const [tensor, value] of Object.entries({ input: { data: input }, ...outputs })) {
      const data = value.data as Float32Array;
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of data) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const [a, b] = ranges[tensor] ?? [Infinity, -Infinity];
      ranges[tensor] = [Math.min(a, lo), Math.max(b, hi)];
    }
    images++;
  }
}
writeFileSync('training/cache/photo-ranges.json', JSON.stringify(ranges));
console.log(`ranges of ${Object.keys(ranges).length} tensors from ${images} crops of ${PHOTOS.length} photos`);
