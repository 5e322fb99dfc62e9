import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { expect, vi } from 'vitest';
import { createEmbedder } from '../../src/lib/inference/embedder.ts';
import { ortInNode } from '../../src/lib/inference/ort-node.ts';
import { parseModelCard } from '../../src/lib/models/card.ts';
import type { Method } from '../../src/lib/fewshot/method.ts';
import type { BackendPreference, LabReply, Progress } from '../../src/lib/lab/messages.ts';
import type { LoadedModel } from '../../src/lib/lab/worker/model.ts';
import { LabEngine } from '../../src/lib/lab/worker/engine.ts';
import { installNodeCanvas } from './node-canvas.ts';

/**
 * A real LabEngine in Node, for tests: the built kernels (fetched from a URL
 * the fetch stub answers with build/kernels.wasm), the site's models from
 * models/ on onnxruntime-web's WASM backend (as src/lib/eval/node.ts runs
 * them), IndexedDB from fake-indexeddb, and pictures decoded by the worker's
 * own code over the Node stand-in for createImageBitmap and OffscreenCanvas.
 */
const ROOT = new URL('../../', import.meta.url);
export const KERNELS_URL = 'https://lab.test/kernels.wasm';
export const SKETCH = 'sketch-protonet';
export const PHOTO = 'photo-mobilenetv2-centernet-objectron';
export const noProgress: Progress = () => {};
/** A picture file, as the page hands it over. */
export type Picture = { source: Blob; name: string };

export const modelFiles = (id: string) => ({
  bytes: new Uint8Array(readFileSync(new URL(`models/${id}/model.onnx`, ROOT))),
  cardFields: JSON.parse(readFileSync(new URL(`models/${id}/card.json`, ROOT), 'utf8')) as unknown,
});

/** A catalog model read from models/<id>/ (the ModelOpener the worker gets from the site). */
export async function openNodeModel(_base: string, id: string, backend: BackendPreference, onProgress: Progress): Promise<LoadedModel> {
  const { bytes, cardFields } = modelFiles(id);
  const card = parseModelCard(cardFields);
  onProgress(bytes.length, bytes.length);
  const embedder = await createEmbedder(ortInNode(), bytes, card);
  return { id, bytes, card, embedder, report: { model: card.name, kind: card.kind, dim: card.output.dim, backend: `WASM in Node (${backend})`, threads: 1 } };
}

/** The worker's runtime module (runtime.ts: onnxruntime-web's browser builds) as Node runs it; for vi.mock. */
export async function nodeRuntime() {
  const node = (note?: string) => ({ ort: ortInNode(), executionProviders: ['wasm'], backend: 'WASM in Node', threads: 1, ...(note ? { note } : {}) });
  return { wasmRuntime: node, chooseRuntime: async () => node() };
}

/** The worker's globals: the picture stand-ins and a fetch that serves the kernels (other URLs, data: ones included, go to Node's fetch). */
export function installWorkerGlobals(): void {
  installNodeCanvas();
  const nodeFetch = globalThis.fetch;
  const wasm = new URL('build/kernels.wasm', ROOT);
  if (!existsSync(wasm)) throw new Error('build/kernels.wasm is missing: run npm run build:kernels first.');
  const kernels = readFileSync(wasm);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) =>
    String(input) === KERNELS_URL ? new Response(kernels, { headers: { 'Content-Type': 'application/wasm' } }) : nodeFetch(input, init),
  );
}

export function newEngine(): LabEngine {
  return new LabEngine(KERNELS_URL, openNodeModel);
}

export async function startedEngine(modelId = SKETCH, metric?: Method['metric']): Promise<{ engine: LabEngine; reply: LabReply }> {
  const engine = newEngine();
  const reply = await engine.start({ base: '/', modelId, backend: 'wasm', ...(metric ? { metric } : {}) }, noProgress);
  return { engine, reply };
}

const SHEET = JSON.parse(readFileSync(new URL('datasets/glyphs-heldout/index.json', ROOT), 'utf8')) as { cell: number; scripts: Array<{ file: string }> };

/** Drawing `drawing` of letter `letter` in glyphs-heldout's sheet `sheet` (one row of drawings per letter), as a PNG file. */
export async function glyph(letter: number, drawing: number, sheet = 0): Promise<Picture> {
  const { cell } = SHEET;
  const file = new URL(`datasets/glyphs-heldout/${SHEET.scripts[sheet]!.file}`, ROOT);
  const png = await sharp(readFileSync(file)).extract({ left: drawing * cell, top: letter * cell, width: cell, height: cell }).png().toBuffer();
  return { source: new Blob([new Uint8Array(png)], { type: 'image/png' }), name: `sheet${sheet}-letter${letter}-drawing${drawing}.png` };
}

export const glyphs = (letter: number, drawings: number[], sheet = 0): Promise<Picture[]> => Promise.all(drawings.map((d) => glyph(letter, d, sheet)));

/** A picture made here: a light shape on a dark ground (a ring or a bar), PNG or JPEG. */
export async function madePicture(name: string, shape: 'ring' | 'bar', format: 'png' | 'jpeg' = 'png'): Promise<Picture> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><rect width="64" height="48" fill="#000"/>${shape === 'ring' ? '<circle cx="32" cy="24" r="14" stroke="#fff" stroke-width="5" fill="none"/>' : '<rect x="10" y="20" width="44" height="8" fill="#fff"/>'}</svg>`;
  const bytes = await sharp(Buffer.from(svg))[format]().toBuffer();
  return { source: new Blob([new Uint8Array(bytes)], { type: `image/${format}` }), name };
}

/** A PNG cut off half-way: the lab must name it and keep the rest. */
export async function damaged(name: string): Promise<Picture> {
  const bytes = new Uint8Array(await (await glyph(0, 0)).source.arrayBuffer());
  return { source: new Blob([bytes.slice(0, bytes.length >> 1)], { type: 'image/png' }), name };
}

/** A reply is the view, the last queries' verdicts and the problems, nothing else. */
export function expectReply(reply: LabReply): LabReply {
  expect(Object.keys(reply).sort()).toEqual(['problems', 'verdicts', 'view']);
  expect(Array.isArray(reply.problems)).toBe(true);
  expect(Array.isArray(reply.view.classes)).toBe(true);
  return reply;
}

export const classNamed = (reply: LabReply, name: string) => reply.view.classes.find((c) => c.name === name)!;
export const sizes = (reply: LabReply) => reply.view.classes.map((c) => [c.name, c.exampleIds.length]);
/** Each query's predicted class name (null for unknown). */
export const verdictNames = (reply: Pick<LabReply, 'view' | 'verdicts'>) =>
  reply.verdicts.report!.predictions.map((p) => reply.view.classes.find((c) => c.id === p.nearestClassId)?.name ?? null);
