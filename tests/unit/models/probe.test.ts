import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadModelInNode } from '../../../src/lib/eval/node.ts';
import type { Embedder } from '../../../src/lib/inference/embedder.ts';
import { startChecked } from '../../../src/lib/lab/worker/probe-check.ts';
import { parseModelCard, type ModelCard } from '../../../src/lib/models/card.ts';
import { MODELS } from '../../../src/lib/models/catalog.ts';
import { checkProbe, decodeProbe, probeInput } from '../../../src/lib/models/probe.ts';

const cardOf = (id: string) => parseModelCard(JSON.parse(readFileSync(new URL(`../../../models/${id}/card.json`, import.meta.url), 'utf8')));

/** An embedder that answers every input with the given values, and says whether it was released. */
function fake(card: ModelCard, values: Float32Array) {
  const state = { disposed: false };
  const embedder: Embedder = { card, embed: async (inputs) => ({ data: values, rows: inputs.length, cols: values.length }), dispose: async () => void (state.disposed = true) };
  return { embedder, state };
}

const gpu = { executionProviders: ['webgpu', 'wasm'], backend: 'WebGPU' };
const wasm = (note: string) => ({ executionProviders: ['wasm'], backend: 'WASM (SIMD)', note });

describe('probe:cards', () => {
  test.each(MODELS.map((m) => m.id))('%s: the card’s probe is what its model.onnx gives now on WASM (rerun npm run probe:cards after changing a model)', async (id) => {
    const { embedder } = await loadModelInNode(id);
    const card = embedder.card;
    expect(card.probe, 'the card has a probe').toBeDefined();
    const { data } = await embedder.embed([probeInput(card)]);
    const result = checkProbe(data, card.probe!);
    expect(result.ok, result.summary).toBe(true);
    expect(result.maxAbs).toBeLessThan(1e-4);
    await embedder.dispose();
  }, 60_000);
});

describe('checkProbe', () => {
  const card = cardOf('sketch-protonet');
  const reference = decodeProbe(card.probe!);
  test('fails a wrong length, NaN, a sign flip and a small drift past maxAbs; passes the reference', () => {
    expect(checkProbe(reference, card.probe!).ok).toBe(true);
    expect(checkProbe(reference.subarray(1), card.probe!).summary).toContain('values');
    expect(checkProbe(reference.map(() => Number.NaN), card.probe!).ok).toBe(false);
    expect(checkProbe(reference.map((v) => -v), card.probe!).ok).toBe(false);
    const drifted = reference.slice();
    drifted[0]! += 2 * card.probe!.maxAbs;
    expect(checkProbe(drifted, card.probe!).ok).toBe(false);
  });
});

describe('startChecked', () => {
  const card = cardOf('photo-mobilenetv2-centernet-objectron');
  const reference = decodeProbe(card.probe!);
  const corrupted = reference.map((v, i) => (i % 2 ? v : 0));

  test('keeps WebGPU when its probe embedding matches', async () => {
    const started = await startChecked(gpu, wasm, card, async () => fake(card, reference).embedder);
    expect(started.runtime.backend).toBe('WebGPU');
    expect(started.note).toBeUndefined();
  });

  test('a WebGPU that gets the probe wrong is released, the model runs on WASM, and the note says why', async () => {
    const onGpu = fake(card, corrupted);
    const started = await startChecked(gpu, wasm, card, async (runtime) => (runtime.backend === 'WebGPU' ? onGpu.embedder : fake(card, reference).embedder));
    expect(started.runtime.backend).toBe('WASM (SIMD)');
    expect(onGpu.state.disposed).toBe(true);
    expect(started.note).toMatch(/^WebGPU gave a wrong embedding for the model's probe input \(cosine 0\.\d+ .*\), so the model runs on WASM\.$/);
  });

  test('WASM getting it wrong too is said, not hidden', async () => {
    const started = await startChecked(gpu, wasm, card, async () => fake(card, corrupted).embedder);
    expect(started.runtime.backend).toBe('WASM (SIMD)');
    expect(started.note).toContain('Even on WASM the model');
  });

  test('a WebGPU that fails to run falls back as before', async () => {
    const started = await startChecked(gpu, wasm, card, async (runtime) => {
      if (runtime.backend === 'WebGPU') throw new Error('no kernel for HardSwish');
      return fake(card, reference).embedder;
    });
    expect(started.note).toBe('WebGPU could not run this model (no kernel for HardSwish), so it runs on WASM.');
  });
});
