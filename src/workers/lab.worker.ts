/// <reference lib="webworker" />
/**
 * The lab's worker: onnxruntime-web (WASM, threads when the page is
 * cross-origin isolated), the embedding model, the kernels and the few-shot
 * session all live here, so the page never blocks on inference.
 */
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import kernelsUrl from '../../build/kernels.wasm?url';
import { createEmbedder, type Embedder } from '../lib/inference/embedder';
import { instantiateKernels, type Kernels } from '../lib/kernels/index';
import { parseModelCard, type ModelCard } from '../lib/models/card';
import { preprocess, type Pixels } from '../lib/models/preprocess';
import { FewShotSession, type MapPoint, type PredictOptions, type PredictionReport, type SessionData } from '../lib/fewshot/session';
import type { Normalization } from '../lib/kernels/index';

export interface LoadReport {
  model: string;
  kind: string;
  dim: number;
  backend: string;
  threads: number;
}

type Progress = (loaded: number, total: number) => void;

let kernels: Kernels | undefined;
let embedder: Embedder | undefined;
let session: FewShotSession | undefined;
/** The last queries' embeddings, for the map. */
let lastQueries: Float32Array[] = [];

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
  async load(modelId: string, base: string, onProgress: Progress): Promise<LoadReport> {
    const card = parseModelCard(await (await fetch(`${base}models/${modelId}/card.json`)).json());
    return use(await fetchWithProgress(`${base}models/${modelId}/model.onnx`, onProgress), card);
  },
  /** A model from the visitor's own disk: checked here, never sent anywhere. */
  async loadCustom(model: Uint8Array, cardFields: unknown): Promise<LoadReport> {
    return use(model, parseModelCard(cardFields));
  },
  addClass(name: string): string {
    return ready().session.addClass(name);
  },
  renameClass(id: string, name: string): void {
    ready().session.renameClass(id, name);
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
  map(normalization: Normalization): MapPoint[] {
    const { session, kernels } = ready();
    return session.map(kernels, lastQueries, normalization);
  },
};

async function use(model: Uint8Array, card: ModelCard): Promise<LoadReport> {
  const threads = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.wasmPaths = { wasm: ortWasmUrl };
  kernels ??= await instantiateKernels(await (await fetch(kernelsUrl)).arrayBuffer());
  const next = await createEmbedder(ort, model, card);
  try {
    // One blank input catches a card whose sizes do not fit the model now, not at the first example.
    await next.embed([new Float32Array(card.input.channels * card.input.height * card.input.width)]);
  } catch (error) {
    await next.dispose();
    throw error;
  }
  await embedder?.dispose();
  embedder = next;
  session = new FewShotSession(card.output.dim);
  lastQueries = [];
  return { model: card.name, kind: card.kind, dim: card.output.dim, backend: 'WASM (SIMD)', threads };
}

function ready() {
  if (!kernels || !embedder || !session) throw new Error('The model is not loaded yet.');
  return { kernels, embedder, session };
}

export type LabWorkerApi = typeof api;
Comlink.expose(api);
