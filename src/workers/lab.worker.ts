/// <reference lib="webworker" />
/**
 * The lab's worker: onnxruntime-web (WASM, threads when the page is
 * cross-origin isolated), the embedding model, the kernels and the few-shot
 * session all live here, so the page never blocks on inference.
 */
import * as Comlink from 'comlink';
import kernelsUrl from '../../build/kernels.wasm?url';
import { createEmbedder, type Embedder } from '../lib/inference/embedder';
import { instantiateKernels, type Kernels } from '../lib/kernels/index';
import { parseModelCard, type ModelCard } from '../lib/models/card';
import { preprocess, type Pixels } from '../lib/models/preprocess';
import { FewShotSession, type MapPoint, type PredictOptions, type PredictionReport, type SessionData } from '../lib/fewshot/session';
import type { Normalization } from '../lib/kernels/index';
import { chooseRuntime, wasmRuntime, type BackendPreference, type Runtime } from './runtime';

export interface LoadReport {
  model: string;
  kind: string;
  dim: number;
  backend: string;
  threads: number;
  /** Why the preferred backend was not used, if it was not. */
  note?: string;
}

type Progress = (loaded: number, total: number) => void;

let kernels: Kernels | undefined;
let embedder: Embedder | undefined;
let session: FewShotSession | undefined;
/** The last queries' embeddings, for the map. */
let lastQueries: Float32Array[] = [];
/** The loaded model's bytes and card, kept so the backend can change without losing the classes. */
let loaded: { model: Uint8Array; card: ModelCard } | undefined;

async function fetchWithProgress(url: string, onProgress: Progress): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Could not download ${url} (HTTP ${response.status}).`);
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
  return bytes;
}

const api = {
  async load(modelId: string, base: string, preference: BackendPreference, onProgress: Progress): Promise<LoadReport> {
    const cardResponse = await fetch(`${base}models/${modelId}/card.json`);
    if (!cardResponse.ok) throw new Error(`Could not download the model card (HTTP ${cardResponse.status}).`);
    const card = parseModelCard(await cardResponse.json());
    return use(await fetchWithProgress(`${base}models/${modelId}/model.onnx`, onProgress), card, preference, false);
  },
  /** A model from the visitor's own disk: checked here, never sent anywhere. */
  async loadCustom(model: Uint8Array, cardFields: unknown, preference: BackendPreference): Promise<LoadReport> {
    return use(model, parseModelCard(cardFields), preference, false);
  },
  /** Runs the same model on another backend; the classes and examples stay. */
  async switchBackend(preference: BackendPreference): Promise<LoadReport> {
    if (!loaded) throw new Error('The model is not loaded yet.');
    return use(loaded.model, loaded.card, preference, true);
  },
  addClass(name: string): string {
    return ready().session.addClass(name);
  },
  renameClass(id: string, name: string): string {
    return ready().session.renameClass(id, name);
  },
  removeClass(id: string): void {
    ready().session.removeClass(id);
  },
  async addExample(classId: string, pixels: Pixels): Promise<number> {
    const { session, embedder } = ready();
    const embedding = await embedder.embed([preprocess(pixels, embedder.card)]);
    return session.addExample(classId, embedding.data);
  },
  removeExample(classId: string, index: number): void {
    ready().session.removeExample(classId, index);
  },
  exportSession(): SessionData {
    return ready().session.toJSON();
  },
  /** Replaces the session with a saved one; returns its class ids in order. */
  importSession(data: SessionData): string[] {
    const { embedder } = ready();
    const restored = FewShotSession.fromJSON(data);
    if (restored.dim !== embedder.card.output.dim) {
      throw new Error(`The saved session has ${restored.dim}-d embeddings, but ${embedder.card.name} gives ${embedder.card.output.dim}-d.`);
    }
    session = restored;
    lastQueries = [];
    return restored.getClasses().map((c) => c.id);
  },
  async predict(queries: Pixels[], options: PredictOptions): Promise<PredictionReport> {
    const { session, embedder, kernels } = ready();
    const embedded = await embedder.embed(queries.map((q) => preprocess(q, embedder.card)));
    lastQueries = queries.map((_, i) => embedded.data.slice(i * embedded.cols, (i + 1) * embedded.cols));
    return session.predict(kernels, lastQueries, options);
  },
  /** Everything this worker has downloaded (its own script, the runtime, kernels, model), for offline use. */
  resources(): string[] {
    return [self.location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
  },
  map(normalization: Normalization): MapPoint[] {
    const { session, kernels } = ready();
    return session.map(kernels, lastQueries, normalization);
  },
};

async function use(model: Uint8Array, card: ModelCard, preference: BackendPreference, keepSession: boolean): Promise<LoadReport> {
  kernels ??= await instantiateKernels(await (await fetch(kernelsUrl)).arrayBuffer());
  let runtime = await chooseRuntime(preference);
  let next: Embedder;
  try {
    next = await checkedEmbedder(runtime, model, card);
  } catch (error) {
    if (runtime.executionProviders[0] !== 'webgpu') throw error;
    runtime = wasmRuntime(`WebGPU could not run this model (${(error as Error).message}), so it runs on WASM.`);
    next = await checkedEmbedder(runtime, model, card);
  }
  await embedder?.dispose();
  embedder = next;
  loaded = { model, card };
  if (!keepSession || !session) {
    session = new FewShotSession(card.output.dim);
    lastQueries = [];
  }
  return { model: card.name, kind: card.kind, dim: card.output.dim, backend: runtime.backend, threads: runtime.threads, ...(runtime.note ? { note: runtime.note } : {}) };
}

async function checkedEmbedder(runtime: Runtime, model: Uint8Array, card: ModelCard): Promise<Embedder> {
  const next = await createEmbedder(runtime.ort, model, card, { executionProviders: runtime.executionProviders });
  try {
    // One blank input catches a card whose sizes do not fit the model now, not at the first example.
    await next.embed([new Float32Array(card.input.channels * card.input.height * card.input.width)]);
    return next;
  } catch (error) {
    await next.dispose();
    throw error;
  }
}

function ready() {
  if (!kernels || !embedder || !session) throw new Error('The model is not loaded yet.');
  return { kernels, embedder, session };
}

export type LabWorkerApi = typeof api;
Comlink.expose(api);
