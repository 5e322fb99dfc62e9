import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { BackendPreference, ExampleSet, Progress } from '../../../src/lib/lab/messages.ts';
import { presetSheets } from '../../../src/lib/lab/preset-sheets.ts';
import { probeSha256, type ShippedSet } from '../../../src/lib/lab/shipped-embeddings.ts';
import { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import { decodeFloats } from '../../../src/lib/lab/worker/saved-lab.ts';
import { probeInput } from '../../../src/lib/models/probe.ts';
import { exampleEmbeddingsSchema } from '../../../src/schemas/example-embeddings.ts';
import { installWorkerGlobals, KERNELS_URL, noProgress, openNodeModel, PHOTO, verdictNames } from '../../helpers/lab-engine.ts';

/**
 * LabEngine in Node: "Try an example set" with the photo set's shipped
 * embeddings (src/data/example-embeddings.json). They are taken only where
 * the running model's probe output and the decoded pixels hash as recorded;
 * otherwise the picture is embedded from its kept original, which here (the
 * same WASM runtime in Node) gives the shipped numbers to the last bit. Every
 * picture is kept, as served, either way.
 */
const FILE = exampleEmbeddingsSchema.parse(JSON.parse(readFileSync(new URL('../../../src/data/example-embeddings.json', import.meta.url), 'utf8')));
const THINGS = FILE.sets.find((s) => s.id === 'things')!;
const PRESET = presetSheets().find((p) => p.id === 'things')!;
const png = (bytes: Buffer, name: string) => ({ source: new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name });
const shippedOf = (pictures = THINGS.pictures): ShippedSet => ({ model: THINGS.model.id, probeSha256: THINGS.probeSha256, pictures });

function thingsSet(shipped?: ShippedSet): ExampleSet {
  return {
    classes: PRESET.classes.map((c) => ({ name: c.name, images: c.images.map((b, i) => png(b, `${c.name}-${i + 1}.png`)) })),
    queries: PRESET.queries.map((b, i) => png(b, `query-${i + 1}.png`)),
    ...(shipped ? { shipped } : {}),
  };
}

/** An engine on the photo model whose probe fingerprint is computed (as the worker's runModel does), or replaced by `probe`; counts the pictures the model embeds. */
async function photoEngine(probe?: string) {
  const embedded = { pictures: 0 };
  const engine = new LabEngine(KERNELS_URL, async (base: string, id: string, backend: BackendPreference, onProgress: Progress) => {
    const model = await openNodeModel(base, id, backend, onProgress);
    const fingerprint = probe ?? (await probeSha256((await model.embedder.embed([probeInput(model.card)])).data));
    const embed = model.embedder.embed.bind(model.embedder);
    model.embedder.embed = (inputs) => ((embedded.pictures += inputs.length), embed(inputs));
    return { ...model, probeSha256: fingerprint };
  });
  await engine.start({ base: '/', modelId: PHOTO, backend: 'wasm' }, noProgress);
  return { engine, embedded };
}

/** Each example's photo-model embedding and original, in the order the set lists them. */
async function examples(engine: LabEngine) {
  const lab = JSON.parse(await (await engine.exportLab()).text()) as { classes: Array<{ examples: Array<{ original: string; embeddings: Record<string, string> }> }> };
  return lab.classes.flatMap((c) => c.examples).map((e) => ({ original: e.original, embedding: decodeFloats(e.embeddings[PHOTO]!, THINGS.dim)! }));
}

const shippedValues = (i: number) => new Float32Array(new Uint8Array(Buffer.from(THINGS.pictures[i]!.embedding, 'base64')).buffer);
const KINDS = PRESET.classes.map((c) => c.name);

beforeAll(installWorkerGlobals);
afterAll(() => vi.unstubAllGlobals());

describe('LabEngine: an example set with shipped embeddings', { timeout: 60_000 }, () => {
  test('probe and pixels as recorded: no picture is embedded, each is kept as served, and the verdicts are right', async () => {
    const { engine, embedded } = await photoEngine();
    embedded.pictures = 0;
    const reply = await engine.loadExampleSet(thingsSet(shippedOf()), noProgress);
    expect(embedded.pictures).toBe(0);
    expect(verdictNames(reply)).toEqual(KINDS);
    const kept = await examples(engine);
    expect(kept.map((k) => k.original)).toEqual(PRESET.classes.flatMap((c) => c.images).map((b) => `data:image/png;base64,${b.toString('base64')}`));
    kept.forEach((k, i) => expect(k.embedding).toEqual(shippedValues(i)));
  });

  test('a probe output other than the maker’s: every picture is embedded here, from its kept original (the same numbers in Node)', async () => {
    const { engine, embedded } = await photoEngine('0'.repeat(64));
    embedded.pictures = 0;
    const reply = await engine.loadExampleSet(thingsSet(shippedOf()), noProgress);
    expect(embedded.pictures).toBe(THINGS.pictures.length);
    expect(verdictNames(reply)).toEqual(KINDS);
    (await examples(engine)).forEach((k, i) => expect(k.embedding).toEqual(shippedValues(i)));
  });

  test('pixels other than the maker’s: that picture is embedded here, and a wrong shipped embedding for it is never used', async () => {
    const { engine, embedded } = await photoEngine();
    const zeros = Buffer.from(new Float32Array(THINGS.dim).buffer).toString('base64');
    const pictures = THINGS.pictures.map((p, i) => (i === 2 ? { pixelsSha256: 'f'.repeat(64), embedding: zeros } : p));
    embedded.pictures = 0;
    await engine.loadExampleSet(thingsSet(shippedOf(pictures)), noProgress);
    expect(embedded.pictures).toBe(1);
    expect((await examples(engine))[2]!.embedding).toEqual(shippedValues(2));
  });

  test('a picture that cannot be read is named, and the others still take their shipped embeddings', async () => {
    const { engine, embedded } = await photoEngine();
    const set = thingsSet(shippedOf());
    const whole = new Uint8Array(await set.classes[1]!.images[0]!.source.arrayBuffer());
    set.classes[1]!.images[0] = { source: new Blob([whole.slice(0, whole.length >> 1)], { type: 'image/png' }), name: 'cut.png' };
    embedded.pictures = 0;
    const reply = await engine.loadExampleSet(set, noProgress);
    expect(reply.problems).toEqual([expect.stringMatching(/^cut\.png /)]);
    expect(embedded.pictures).toBe(0);
    expect(reply.view.classes.map((c) => c.exampleIds.length)).toEqual([5, 4, 5]);
  });

  test('a set without shipped embeddings is embedded as any pictures are (kept as JPEG)', async () => {
    const { engine, embedded } = await photoEngine();
    embedded.pictures = 0;
    const reply = await engine.loadExampleSet(thingsSet(), noProgress);
    expect(embedded.pictures).toBeGreaterThanOrEqual(THINGS.pictures.length - PRESET.queries.length);
    expect(verdictNames(reply)).toEqual(KINDS);
    expect((await examples(engine))[0]!.original).toMatch(/^data:image\/jpeg;base64,/);
  });
});
