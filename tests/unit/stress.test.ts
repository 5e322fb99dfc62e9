import { describe, expect, test } from 'vitest';
import { FewShotSession } from '../../src/lib/fewshot/session';
import type { Method } from '../../src/lib/fewshot/method';
import { decodeFloats, encodeFloats, parseSavedLab } from '../../src/lib/lab/worker/saved-lab';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';
import { seededRandom } from '../../src/lib/random';

/**
 * The lab's classifier under load, as the worker runs it: 50 classes × 20
 * examples of the photo model's 152-d embeddings, 1,000 predictions in a row
 * and 100 export/import round trips. Memory must stay bounded and results
 * identical. (`npm run bench:stress` prints the heap figures.)
 */
const DIM = 152;
const CLASSES = 50;
const PER_CLASS = 20;

function bigSession() {
  const random = seededRandom(42);
  const session = new FewShotSession(DIM);
  const embeddings = new Map<string, Float32Array>();
  const centres = Array.from({ length: CLASSES }, () => Float32Array.from({ length: DIM }, () => random() * 2 - 1));
  for (let c = 0; c < CLASSES; c++) {
    const id = session.addClass(`class ${c}`);
    for (let e = 0; e < PER_CLASS; e++) {
      const embedding = centres[c]!.map((x) => x + (random() - 0.5) * 0.4);
      embeddings.set(session.addExample(id, embedding), embedding);
    }
  }
  const queries = centres.slice(0, 5).map((centre) => centre.map((x) => x + (random() - 0.5) * 0.4));
  return { session, queries, embeddings };
}

const OPTIONS: Method[] = [
  { metric: 'euclidean', normalization: 'none', temperature: 1, refine: 0 },
  { metric: 'cosine', normalization: 'cl2n', temperature: 0.5, refine: 2 },
  { metric: 'snr', normalization: 'l2', temperature: 'auto', refine: 0 },
  { metric: 'poincare', normalization: 'l2', temperature: 2, refine: 1 },
];

const predictWith = (session: FewShotSession, queries: Float32Array[], method: Method) => (session.setMethod(method), session.predict(kernelsRef.current!, queries));
const kernelsRef: { current?: Awaited<ReturnType<typeof loadKernelsInNode>> } = {};

/** The lab's file format (version 2) for this session: what export writes and import reads. */
function exported(session: FewShotSession, embeddings: Map<string, Float32Array>) {
  return JSON.stringify({
    format: 'metric-atlas-lab',
    version: 2,
    modelId: 'photo-mobilenetv3',
    method: session.method,
    classes: session.list().map((c) => ({ id: c.id, name: c.name, examples: c.exampleIds.map((id) => ({ id, original: 'data:image/png;base64,AAAA', embeddings: { 'photo-mobilenetv3': encodeFloats(embeddings.get(id)!) } })) })),
  });
}

function imported(text: string): { session: FewShotSession; embeddings: Map<string, Float32Array> } {
  const lab = parseSavedLab(JSON.parse(text));
  const session = new FewShotSession(DIM);
  session.setMethod(lab.method);
  const embeddings = new Map<string, Float32Array>();
  for (const c of lab.classes) {
    session.addClass(c.name, c.id);
    for (const e of c.examples) {
      const values = decodeFloats(e.embeddings['photo-mobilenetv3']!, DIM)!;
      embeddings.set(e.id, values);
      session.addExample(c.id, values, e.id);
    }
  }
  return { session, embeddings };
}

describe('stress: 50 classes × 20 examples', async () => {
  const kernels = await loadKernelsInNode();
  kernelsRef.current = kernels;

  test('1,000 predictions in a row give identical results, and WASM memory stops growing after the first', () => {
    const { session, queries } = bigSession();
    const first = OPTIONS.map((o) => JSON.stringify(predictWith(session, queries, o)));
    const memoryAfterWarmUp = kernels.memoryBytes;
    for (let i = 0; i < 1000; i++) {
      const o = i % OPTIONS.length;
      expect(JSON.stringify(predictWith(session, queries, OPTIONS[o]!))).toBe(first[o]);
    }
    expect(kernels.memoryBytes).toBe(memoryAfterWarmUp);
    const report = predictWith(session, queries, OPTIONS[0]!);
    expect(report.predictions.map((p) => p.nearestClassId)).toEqual(session.list().slice(0, 5).map((c) => c.id));
  }, 60_000);

  test('100 export/import round trips through the lab’s file format keep every embedding bit for bit, and the predictions', () => {
    const { session, queries, embeddings } = bigSession();
    session.setMethod(OPTIONS[1]!);
    const first = exported(session, embeddings);
    const expected = JSON.stringify(session.predict(kernels, queries));
    let current = { session, embeddings };
    for (let i = 0; i < 100; i++) current = imported(exported(current.session, current.embeddings));
    expect(exported(current.session, current.embeddings)).toBe(first);
    expect(JSON.stringify(current.session.predict(kernels, queries))).toBe(expected);
  }, 60_000);
});
