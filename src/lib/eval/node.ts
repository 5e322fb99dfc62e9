import { readFileSync } from 'node:fs';
import { ortInNode } from '../inference/ort-node.ts';
import type { Kernels } from '../kernels/index.ts';
import { createEmbedder, type Embedder } from '../inference/embedder.ts';
import { parseModelCard } from '../models/card.ts';
import { RAW_PIXELS_MODEL as BASELINE } from '../models/catalog.ts';
import { datasetEntry } from './dataset-catalog.ts';
import { rawPixelsEmbedder } from './raw-pixels.ts';
import type { Dataset } from './datasets-node.ts';
import { embedDataset, evaluateEpisodes, type EvalResult, type EvalSettings } from './run.ts';

/** A result with its per-episode accuracies, for paired comparisons (paired.ts). */
export type MeasuredResult = EvalResult & { perEpisode: number[] };

const ROOT = new URL('../../../', import.meta.url);

export interface LoadedModel {
  id: string;
  embedder: Embedder;
}

/** The floor every model is measured against: the preprocessed pixels themselves, as the embedding (the catalog's RAW_PIXELS_MODEL). */
export const RAW_PIXELS = BASELINE.id;

function rawPixels(): LoadedModel {
  return { id: RAW_PIXELS, embedder: rawPixelsEmbedder(readCard(BASELINE.inputOf)) };
}

function readCard(id: string) {
  return parseModelCard(JSON.parse(readFileSync(new URL(`models/${id}/card.json`, ROOT), 'utf8')));
}

/** A model from models/<id>/ with onnxruntime-web's WASM backend, single-threaded as in a non-isolated page. */
export async function loadModelInNode(id: string): Promise<LoadedModel> {
  if (id === RAW_PIXELS) return rawPixels();
  const dir = new URL(`models/${id}/`, ROOT);
  const card = readCard(id);
  const embedder = await createEmbedder(ortInNode(), new Uint8Array(readFileSync(new URL('model.onnx', dir))), card);
  return { id, embedder };
}

const datasets = new Map<string, Dataset>();

/** A data set by name (dataset-catalog.ts), decoded once per process. */
export function loadDataset(name: string): Dataset {
  let dataset = datasets.get(name);
  if (!dataset) {
    dataset = datasetEntry(name).load();
    datasets.set(name, dataset);
  }
  return dataset;
}

const embeddingCache = new Map<string, Float32Array>();

/** Every image of the data set embedded by the model, once per process. */
export async function embeddingsOf(model: LoadedModel, dataset: Dataset): Promise<Float32Array> {
  const key = `${model.id}/${dataset.name}`;
  let embeddings = embeddingCache.get(key);
  if (!embeddings) {
    embeddings = await embedDataset(dataset, model.embedder);
    embeddingCache.set(key, embeddings);
  }
  return embeddings;
}

export async function evaluateWithModel(model: LoadedModel, datasetName: string, kernels: Kernels, settings: EvalSettings): Promise<MeasuredResult> {
  const dataset = loadDataset(datasetName);
  const embeddings = await embeddingsOf(model, dataset);
  const measured = evaluateEpisodes(embeddings, model.embedder.card.output.dim, dataset, kernels, settings);
  return { model: model.id, dataset: dataset.name, ...settings, ...measured };
}
