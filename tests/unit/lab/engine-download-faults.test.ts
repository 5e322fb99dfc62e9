import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LabReply } from '../../../src/lib/lab/messages.ts';
import { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import { expectReply, glyphs, installWorkerGlobals, KERNELS_URL, noProgress, PHOTO, SKETCH, sizes } from '../../helpers/lab-engine.ts';

/**
 * LabEngine in Node with the site's own download (worker/download.ts) over a
 * stubbed site (issue 23, item 4): a model that cannot be downloaded, or
 * whose bytes are not its card's, fails the request by name and leaves the
 * classes and examples as they were, in memory and in storage; trying again
 * once the site answers loads it. The runtime module is onnxruntime-web in Node.
 */
vi.mock('../../../src/lib/lab/worker/runtime', async () => (await import('../../helpers/lab-engine.ts')).nodeRuntime());

const ROOT = new URL('../../../', import.meta.url);
let fault: '404' | 'changed' | null = null;
let engine: LabEngine;
let before: LabReply;

beforeAll(async () => {
  installWorkerGlobals();
  const kernelsFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const model = /^\/models\/([a-z0-9-]+)\/(card\.json|model\.onnx)$/.exec(String(url));
    if (!model) return kernelsFetch(url, init);
    const bytes = new Uint8Array(readFileSync(new URL(`models/${model[1]}/${model[2]}`, ROOT)));
    if (model[2] === 'card.json' || !fault) return new Response(bytes);
    return fault === '404' ? new Response('', { status: 404 }) : new Response(bytes.map((b, i) => (i === 100 ? b ^ 1 : b)));
  });
  engine = new LabEngine(KERNELS_URL);
  const started = await engine.start({ base: '/', modelId: SKETCH, backend: 'wasm' }, noProgress);
  const [a, b] = started.view.classes.map((c) => c.id);
  await engine.addExamples(a!, await glyphs(0, [0, 1]));
  before = expectReply(await engine.addExamples(b!, await glyphs(1, [0, 1, 2])));
}, 30_000);
afterAll(() => vi.unstubAllGlobals());

/** The lab as it is now, from a change that changes nothing. */
const current = () => engine.setMethod({});

describe('LabEngine: a model download that fails', { timeout: 30_000 }, () => {
  test('useModel: a model that answers 404 every time fails by name; the classes and examples stay', async () => {
    fault = '404';
    await expect(engine.useModel(PHOTO, 'wasm', noProgress)).rejects.toThrow(/^Photo embedding: the model file could not be downloaded \(HTTP 404\), after 3 tries\.$/);
    const now = await current();
    expect(sizes(now)).toEqual(sizes(before));
    expect(now.view.model).toMatchObject({ id: SKETCH });
  });

  test('useModel: bytes that are not the card’s are refused by name; the classes and examples stay', async () => {
    fault = 'changed';
    await expect(engine.useModel(PHOTO, 'wasm', noProgress)).rejects.toThrow(/^Photo embedding: the downloaded file does not match its card \(SHA-256 /);
    expect(sizes(await current())).toEqual(sizes(before));
  });

  test('start: a saved lab whose model cannot be downloaded stays saved, and the next start opens it', async () => {
    const again = new LabEngine(KERNELS_URL);
    fault = '404';
    await expect(again.start({ base: '/', modelId: SKETCH, backend: 'wasm' }, noProgress)).rejects.toThrow(/^Sketch ProtoNet: the model file could not be downloaded/);
    fault = null;
    expect(sizes(await again.start({ base: '/', modelId: SKETCH, backend: 'wasm' }, noProgress))).toEqual(sizes(before));
  });

  test('useModel again, once the site answers: the model loads, every example embedded by it', async () => {
    fault = null;
    const reply = expectReply(await engine.useModel(PHOTO, 'wasm', noProgress));
    expect(reply.view.model).toMatchObject({ id: PHOTO });
    expect(sizes(reply)).toEqual(sizes(before));
  });
});
