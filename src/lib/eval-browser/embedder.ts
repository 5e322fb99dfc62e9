/// <reference lib="webworker" />
import { createEmbedder, type Embedder } from '../inference/embedder.ts';
import { parseModelCard } from '../models/card.ts';
import { RAW_PIXELS_MODEL } from '../models/catalog.ts';
import { rawPixelsEmbedder } from '../eval/raw-pixels.ts';
import { downloadModel } from '../lab/worker/download.ts';
import type { Progress } from '../lab/messages.ts';

/**
 * The row's model in the worker, run as the Node harness runs it: the lab's
 * download (its card's size and SHA-256 checked, tried again on a broken
 * connection), onnxruntime-web's WASM backend with one thread (threads could
 * change the order of a sum, and the harness uses one), or raw pixels.
 */
export async function openEmbedder(base: string, model: string, modelSha256: string | undefined, onProgress: Progress): Promise<{ embedder: Embedder; engine: string }> {
  if (model === RAW_PIXELS_MODEL.id) {
    const response = await fetch(`${base}models/${RAW_PIXELS_MODEL.inputOf}/card.json`);
    if (!response.ok) throw new Error(`The card of ${RAW_PIXELS_MODEL.inputOf}, whose input raw pixels use, could not be downloaded: HTTP ${response.status}.`);
    return { embedder: rawPixelsEmbedder(parseModelCard(await response.json())), engine: 'no network (raw pixels)' };
  }
  const { bytes, card } = await downloadModel(base, model, onProgress);
  if (modelSha256 && card.file?.sha256 !== modelSha256) {
    throw new Error(`The site's ${model} (SHA-256 ${card.file?.sha256.slice(0, 12)}…) is not the model the published row was measured with (${modelSha256.slice(0, 12)}…), so it was not run.`);
  }
  // onnxruntime-web's script loads only for a network.
  const { wasmRuntime } = await import('../lab/worker/runtime.ts');
  const runtime = wasmRuntime();
  runtime.ort.env.wasm.numThreads = 1;
  const embedder = await createEmbedder(runtime.ort, bytes, card);
  return { embedder, engine: `onnxruntime-web ${runtime.ort.env.versions.web}, WASM (SIMD), 1 thread` };
}
