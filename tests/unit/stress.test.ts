import { describe, expect, test } from 'vitest';
import { FewShotSession, type PredictOptions } from '../../src/lib/fewshot/session';
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
  const centres = Array.from({ length: CLASSES }, () => Float32Array.from({ length: DIM }, () => random() * 2 - 1));
  for (let c = 0; c < CLASSES; c++) {
    const id = session.addClass(`class ${c}`);
    for (let e = 0; e < PER_CLASS; e++) session.addExample(id, centres[c]!.map((x) => x + (random() - 0.5) * 0.4));
  }
  const queries = centres.slice(0, 5).map((centre) => centre.map((x) => x + (random() - 0.5) * 0.4));
  return { session, queries };
}

const OPTIONS: PredictOptions[] = [
  { metric: 'euclidean', normalization: 'none', temperature: 1, refine: 0 },
  { metric: 'cosine', normalization: 'cl2n', temperature: 0.5, refine: 2 },
  { metric: 'snr', normalization: 'l2', temperature: 1, refine: 0 },
  { metric: 'poincare', normalization: 'l2', temperature: 2, refine: 1 },
];

describe('stress: 50 classes × 20 examples', async () => {
  const kernels = await loadKernelsInNode();

  test('1,000 predictions in a row give identical results, and WASM memory stops growing after the first', () => {
    const { session, queries } = bigSession();
    const first = OPTIONS.map((o) => JSON.stringify(session.predict(kernels, queries, o)));
    const memoryAfterWarmUp = kernels.memoryBytes;
    for (let i = 0; i < 1000; i++) {
      const o = i % OPTIONS.length;
      expect(JSON.stringify(session.predict(kernels, queries, OPTIONS[o]!))).toBe(first[o]);
    }
    expect(kernels.memoryBytes).toBe(memoryAfterWarmUp);
    const report = session.predict(kernels, queries, OPTIONS[0]!);
    expect(report.predictions.map((p) => p.classId)).toEqual(session.getClasses().slice(0, 5).map((c) => c.id));
  }, 60_000);

  test('100 export/import round trips keep every embedding bit for bit, and the predictions', () => {
    const { session, queries } = bigSession();
    const exported = JSON.stringify(session.toJSON());
    const expected = JSON.stringify(session.predict(kernels, queries, OPTIONS[1]!));
    let current = session;
    for (let i = 0; i < 100; i++) current = FewShotSession.fromJSON(JSON.parse(JSON.stringify(current.toJSON())));
    expect(JSON.stringify(current.toJSON())).toBe(exported);
    expect(JSON.stringify(current.predict(kernels, queries, OPTIONS[1]!))).toBe(expected);
  }, 60_000);
});
