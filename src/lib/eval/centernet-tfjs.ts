import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { loosenInput, PHOTO_TAPS, withExactSixth, type GraphJson } from './centernet-graph.ts';

/**
 * The original TensorFlow.js graph of the photo model (@vladmandic/human's
 * CenterNet), run up to a feature map and averaged over space: the reference
 * the ONNX conversion is checked against, and the peer in the benchmarks.
 * Its input is loosened to any size and its 1/6 made exact (centernet-graph.ts).
 */
const SOURCE = new URL('../../../node_modules/@vladmandic/human/models/', import.meta.url);

export async function loadCenternet(backend: 'cpu' | 'wasm' = 'cpu'): Promise<GraphModel> {
  await tf.setBackend(backend);
  await tf.ready();
  const json = JSON.parse(readFileSync(new URL('centernet.json', SOURCE), 'utf8')) as GraphJson;
  loosenInput(json);
  const bin = withExactSixth(json, readFileSync(new URL('centernet.bin', SOURCE)));
  return loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights) as never,
      weightData: bin.buffer as ArrayBuffer,
      format: json.format as string,
      generatedBy: json.generatedBy as string,
      convertedBy: json.convertedBy as string,
      signature: json.signature as object,
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
