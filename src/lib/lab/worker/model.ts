/// <reference lib="webworker" />
import { createEmbedder, type Embedder } from '../../inference/embedder';
import type { ModelCard } from '../../models/card';
import type { BackendPreference, LoadReport, Progress } from '../messages';
import { downloadModel } from './download';
import { probeSha256 } from '../shipped-embeddings';
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
  /** SHA-256 of the probe's output on this runtime (shipped-embeddings.ts); absent where nobody computed it. */
  probeSha256?: string;
}


export async function runModel(id: string, bytes: Uint8Array, card: ModelCard, preference: BackendPreference): Promise<LoadedModel> {
  // onnxruntime-web's script loads with the first model, not with the worker: the worker starts on the page's load to peek at the saved lab.
  const { chooseRuntime, wasmRuntime } = await import('./runtime');
  const { runtime, embedder, warning, probeOutput } = await startChecked(await chooseRuntime(preference), wasmRuntime, card, (runtime) =>
    createEmbedder(runtime.ort, bytes, card, { executionProviders: runtime.executionProviders }),
  );
  const report = { model: card.name, kind: card.kind, dim: card.output.dim, backend: runtime.backend, threads: runtime.threads, ...(runtime.note ? { note: runtime.note } : {}), ...(warning ? { warning } : {}), ...(card.calibration ? { calibratedOn: card.calibration.dataset } : {}) };
  return { id, bytes, card, embedder, report, probeSha256: await probeSha256(probeOutput) };
}

export type ModelOpener = (base: string, modelId: string, backend: BackendPreference, onProgress: Progress) => Promise<LoadedModel>;

/** A catalog model downloaded from the site (with progress, tries again and the card's checks: download.ts) and run on onnxruntime-web. */
export async function openSiteModel(base: string, modelId: string, backend: BackendPreference, onProgress: Progress): Promise<LoadedModel> {
  const { bytes, card } = await downloadModel(base, modelId, onProgress);
  return runModel(modelId, bytes, card, backend);
}
