import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { NSFWJS_FEATURES } from './nsfwjs-graph.ts';

export { NSFWJS_FEATURES };

/**
 * nsfwjs's own TensorFlow.js graph (`mobilenet_v2_mid`: TF-Hub MobileNetV2
 * 1.4 feature vector, fine-tuned by nsfwjs), run up to its pooled 1,792-d
 * feature vector: the reference the ONNX conversion (training/convert_nsfwjs.py)
 * is checked against. Its .min.js files are CommonJS modules: the topology
 * and manifest object, and one base64 string per weight shard.
 */

export interface NsfwjsGraph {
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: object[] }>;
  format: string;
  generatedBy: string;
  convertedBy: string;
}

const require = createRequire(import.meta.url);
// The package's exports map does not list its model files, so they are required by path.
const SOURCE = fileURLToPath(new URL('../../../node_modules/nsfwjs/dist/models/mobilenet_v2_mid/', import.meta.url));

/** The graph's JSON and its weights as one byte array (the shards decoded and joined), as loadGraphModel or a model.json + .bin pair wants them. */
export function nsfwjsGraphFiles(): { json: NsfwjsGraph; weights: Uint8Array } {
  const json = require(`${SOURCE}model.min.js`) as NsfwjsGraph;
  const shards = json.weightsManifest.flatMap((group) => group.paths.map((p) => Buffer.from(require(`${SOURCE}${p}.min.js`) as string, 'base64')));
  return { json, weights: new Uint8Array(Buffer.concat(shards)) };
}

export async function loadNsfwjs(backend: 'cpu' | 'wasm' = 'cpu'): Promise<GraphModel> {
  await tf.setBackend(backend);
  await tf.ready();
  const { json, weights } = nsfwjsGraphFiles();
  return loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights) as never,
      weightData: weights.buffer as ArrayBuffer,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
    }),
  });
}

/** The pooled feature vector for one NCHW RGB tensor in [0, 1] of size × size. */
export function nsfwjsEmbedding(model: GraphModel, nchw: Float32Array, size: number): Float32Array {
  return tf.tidy(() => {
    const nhwc = tf.transpose(tf.tensor4d(nchw, [1, 3, size, size]), [0, 2, 3, 1]);
    return (model.execute({ input: nhwc }, NSFWJS_FEATURES) as tf.Tensor).dataSync() as Float32Array;
  });
}
