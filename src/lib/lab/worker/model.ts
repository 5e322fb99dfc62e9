/// <reference lib="webworker" />
import { createEmbedder, type Embedder } from '../../inference/embedder';
import { parseModelCard, type ModelCard } from '../../models/card';
import type { BackendPreference, LoadReport, Progress } from '../messages';
import { startChecked } from './probe-check';

/**
 * The embedding network the lab runs: downloaded with progress (or the
 * visitor's own file), on WebGPU when asked and possible, else WASM, and
 * checked on whichever it runs against its card's probe (probe-check.ts). The bytes are kept so the
 * backend can change without another download.
 */
export interface LoadedModel {
  /** The catalog id, or "custom:<file name>" for the visitor's own. */
  id: string;
  bytes: Uint8Array;
  card: ModelCard;
  embedder: Embedder;
  report: LoadReport;
}


export async function downloadModel(base: string, modelId: string, onProgress: Progress): Promise<{ bytes: Uint8Array; card: ModelCard }> {
  const cardResponse = await fetch(`${base}models/${modelId}/card.json`);
  if (!cardResponse.ok) throw new Error(`Could not download the model card (HTTP ${cardResponse.status}).`);
  const card = parseModelCard(await cardResponse.json());
  const response = await fetch(`${base}models/${modelId}/model.onnx`);
  if (!response.ok || !response.body) throw new Error(`Could not download the model (HTTP ${response.status}).`);
  const total = Number(response.headers.get('Content-Length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, card };
}

export async function runModel(id: string, bytes: Uint8Array, card: ModelCard, preference: BackendPreference): Promise<LoadedModel> {
  // onnxruntime-web's script loads with the first model, not with the worker: the worker starts on the page's load to peek at the saved lab.
  const { chooseRuntime, wasmRuntime } = await import('./runtime');
  const { runtime, embedder, warning } = await startChecked(await chooseRuntime(preference), wasmRuntime, card, (runtime) =>
    createEmbedder(runtime.ort, bytes, card, { executionProviders: runtime.executionProviders }),
  );
  const report = { model: card.name, kind: card.kind, dim: card.output.dim, backend: runtime.backend, threads: runtime.threads, ...(runtime.note ? { note: runtime.note } : {}), ...(warning ? { warning } : {}), ...(card.calibration ? { calibratedOn: card.calibration.dataset } : {}) };
  return { id, bytes, card, embedder, report };
}

export type ModelOpener = (base: string, modelId: string, backend: BackendPreference, onProgress: Progress) => Promise<LoadedModel>;

/** A catalog model downloaded from the site (with progress) and run on onnxruntime-web. */
export async function openSiteModel(base: string, modelId: string, backend: BackendPreference, onProgress: Progress): Promise<LoadedModel> {
  const { bytes, card } = await downloadModel(base, modelId, onProgress);
  return runModel(modelId, bytes, card, backend);
}
