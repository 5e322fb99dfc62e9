import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ClassStore } from '../../src/lib/fewshot/class-store';
import { Predictor } from '../../src/lib/fewshot/predictor';
import type { Method } from '../../src/lib/fewshot/method';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';
import { seededRandom } from '../../src/lib/random';
import { exportLab, importLab } from '../../src/lib/lab/worker/saved-file';
import { readSavedLabFile } from '../../src/lib/lab/worker/saved-lab';
import type { LabShape, StoredExample } from '../../src/lib/lab/worker/store';
import { labToZip, readLabZip } from '../../src/lib/lab/worker/zip-lab';

/**
 * The lab's classifier under load, as the worker runs it: 50 classes × 20
 * examples, 1,000 predictions in a row, and 100 round trips through the lab's
 * own export and import code (saved-file.ts for the JSON file, zip-lab.ts and
 * zip-archive.ts for the zip), alternating. Memory must stay bounded and
 * results identical.
 */
const MODEL = 'sketch-protonet';
const DIM = 128;
const CLASSES = 50;
const PER_CLASS = 20;

interface Lab {
  shape: LabShape;
  examples: Map<string, StoredExample>;
}

/** Originals are small distinct byte strings: a saved lab carries them as bytes and never decodes them (only the thumbnail, below, would). */
const originalOf = (c: number, e: number) => new Blob([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, c, e, (c * 31 + e) & 0xff)], { type: 'image/png' });

function bigLab(method: Method): { lab: Lab; queries: Float32Array[] } {
  const random = seededRandom(42);
  const centres = Array.from({ length: CLASSES }, () => Float32Array.from({ length: DIM }, () => random() * 2 - 1));
  const examples = new Map<string, StoredExample>();
  const classes = centres.map((centre, c) => {
    const exampleIds = Array.from({ length: PER_CLASS }, (_, e) => {
      const id = `example-${c}-${e}`;
      examples.set(id, { original: originalOf(c, e), thumb: new Blob([]), embeddings: { [MODEL]: centre.map((x) => x + (random() - 0.5) * 0.4) } });
      return id;
    });
    return { id: `class-${c}`, name: `class ${c}`, exampleIds };
  });
  const queries = centres.slice(0, 5).map((centre) => centre.map((x) => x + (random() - 0.5) * 0.4));
  return { lab: { shape: { modelId: MODEL, method, classes }, examples }, queries };
}

/** The classifier the worker rebuilds from a lab (a snapshot restored, as worker/state.ts does). */
function sessionOf({ shape, examples }: Lab): { store: ClassStore; predictor: Predictor } {
  const store = new ClassStore(DIM);
  const classes = shape.classes.map((c) => ({ id: c.id, name: c.name, examples: c.exampleIds.map((id) => ({ id, embedding: examples.get(id)!.embeddings[MODEL]! })) }));
  store.restore({ method: shape.method, head: null, classes });
  return { store, predictor: new Predictor(store) };
}

async function throughJson(lab: Lab): Promise<Lab> {
  const file = await exportLab(lab.shape, lab.examples);
  return importLab(readSavedLabFile(await file.text(), 'lab.json'));
}

async function throughZip(lab: Lab): Promise<Lab> {
  const contents = await readLabZip(await labToZip(lab.shape, lab.examples), 'lab.zip');
  if (contents.kind !== 'lab') throw new Error('The lab’s zip opened as class folders.');
  return contents.lab;
}

/** Everything a saved lab holds, originals' bytes and embeddings included, as the JSON export writes it. */
const savedText = async (lab: Lab) => (await exportLab(lab.shape, lab.examples)).text();

const OPTIONS: Method[] = [
  { metric: 'euclidean', normalization: 'none', temperature: 1, refine: 0 },
  { metric: 'cosine', normalization: 'cl2n', temperature: 0.5, refine: 2 },
  { metric: 'snr', normalization: 'l2', temperature: 'auto', refine: 0 },
  { metric: 'poincare', normalization: 'l2', temperature: 2, refine: 1 },
];

describe('stress: 50 classes × 20 examples', async () => {
  const kernels = await loadKernelsInNode();

  // Import makes each original's thumbnail with createImageBitmap and OffscreenCanvas
  // (decode.ts), which Node lacks. Thumbnails are not part of a saved lab, so a
  // stand-in that draws nothing will do: this test is about what the files carry.
  beforeAll(() => {
    vi.stubGlobal('createImageBitmap', async () => ({ width: 8, height: 8, close() {} }));
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return { drawImage() {} };
        }
        async convertToBlob() {
          return new Blob([], { type: 'image/png' });
        }
      },
    );
  });
  afterAll(() => vi.unstubAllGlobals());

  test('1,000 predictions in a row give identical results, and WASM memory stops growing after the first', () => {
    const { lab, queries } = bigLab(OPTIONS[0]!);
    const session = sessionOf(lab);
    const predictWith = (method: Method) => (session.store.setMethod(method), JSON.stringify(session.predictor.predict(kernels, queries)));
    const first = OPTIONS.map(predictWith);
    const memoryAfterWarmUp = kernels.memoryBytes;
    for (let i = 0; i < 1000; i++) expect(predictWith(OPTIONS[i % OPTIONS.length]!)).toBe(first[i % OPTIONS.length]);
    expect(kernels.memoryBytes).toBe(memoryAfterWarmUp);
    session.store.setMethod(OPTIONS[0]!);
    expect(session.predictor.predict(kernels, queries).predictions.map((p) => p.nearestClassId)).toEqual(lab.shape.classes.slice(0, 5).map((c) => c.id));
  }, 180_000);

  test('100 round trips, JSON file and zip by turns, keep every original byte for byte, every embedding bit for bit, and the predictions', async () => {
    const { lab, queries } = bigLab(OPTIONS[1]!);
    const first = await savedText(lab);
    const expected = JSON.stringify(sessionOf(lab).predictor.predict(kernels, queries));
    let current = lab;
    for (let i = 0; i < 100; i++) current = await (i % 2 === 0 ? throughJson : throughZip)(current);
    expect(await savedText(current)).toBe(first);
    expect(JSON.stringify(sessionOf(current).predictor.predict(kernels, queries))).toBe(expected);
  }, 120_000);
});
