import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';

/**
 * The original TensorFlow.js graph of the photo model (@vladmandic/human's
 * CenterNet), run up to a feature map and averaged over space: the reference
 * the ONNX conversion is checked against, and the peer in the benchmarks.
 * The stock graph fixes its input to 512 × 512; its placeholder is loosened to
 * [1, -1, -1, 3] so it runs at the size the ONNX graph was built for.
 */
const SOURCE = new URL('../../../node_modules/@vladmandic/human/models/', import.meta.url);
/** The feature maps the converted model pools (training/convert_centernet.py's DEFAULT_TAPS). */
export const PHOTO_TAPS = ['tower_0/MobilenetV3/expanded_conv_11/add', 'tower_0/MobilenetV3/expanded_conv_9/add'];

export async function loadCenternet(backend: 'cpu' | 'wasm' = 'cpu'): Promise<GraphModel> {
  await tf.setBackend(backend);
  await tf.ready();
  const json = JSON.parse(readFileSync(new URL('centernet.json', SOURCE), 'utf8'));
  for (const node of json.modelTopology.node) {
    if (node.op === 'Placeholder') node.attr.shape.shape.dim = [{ size: '1' }, { size: '-1' }, { size: '-1' }, { size: '3' }];
  }
  const bin = readFileSync(new URL('centernet.bin', SOURCE));
  return loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group: { weights: unknown[] }) => group.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
    }),
  });
}

/** The taps' feature maps averaged over space and concatenated, for one NCHW 0–255 RGB tensor of size × size. */
export function centernetEmbedding(model: GraphModel, nchw: Float32Array, size: number, taps = PHOTO_TAPS): Float32Array {
  return tf.tidy(() => {
    const nhwc = tf.transpose(tf.tensor4d(nchw, [1, 3, size, size]), [0, 2, 3, 1]);
    const features = model.execute({ 'tower_0/images': nhwc }, taps) as tf.Tensor4D[];
    return tf.concat(features.map((f) => tf.mean(f, [1, 2])), 1).dataSync() as Float32Array;
  });
}
