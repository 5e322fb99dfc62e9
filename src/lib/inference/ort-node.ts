import * as ort from 'onnxruntime-web';

/**
 * onnxruntime-web as every Node-side caller uses it (the evaluation harness,
 * bench:models, the model tests, the training scripts): the package's own
 * WASM backend, one thread, so numbers match a page that is not
 * cross-origin isolated. The browser picks its build in src/workers/ instead.
 */
export function ortInNode(): typeof ort {
  ort.env.wasm.numThreads = 1;
  return ort;
}
