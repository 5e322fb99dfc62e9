import { describe, expect, test } from 'vitest';
import { FewShotError, FewShotSession } from '../../src/lib/fewshot/session';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const v = (...values: number[]) => Float32Array.from(values);
const options = { metric: 'euclidean', normalization: 'none', temperature: 1, refine: 0 } as const;

function twoClasses() {
  const session = new FewShotSession(2);
  const cats = session.addClass('cats');
  const dogs = session.addClass('dogs');
  for (const e of [v(0, 0), v(0.2, 0), v(0, 0.2)]) session.addExample(cats, e);
  for (const e of [v(10, 10), v(10.2, 10), v(10, 10.2)]) session.addExample(dogs, e);
  return { session, cats, dogs };
}

describe('FewShotSession', () => {
  test('predicts the nearest class, with a probability and distance per class', () => {
    const { session, cats, dogs } = twoClasses();
    const { predictions } = session.predict(kernels, [v(0.1, 0.1), v(9.9, 10)], options);
    expect(predictions.map((p) => p.classId)).toEqual([cats, dogs]);
    expect(predictions[0]!.scores.find((s) => s.classId === cats)!.probability).toBeGreaterThan(0.99);
    expect(predictions[0]!.scores.reduce((sum, s) => sum + s.probability, 0)).toBeCloseTo(1, 5);
  });

  test('answers unknown for a query far from every class', () => {
    const { session } = twoClasses();
    expect(session.predict(kernels, [v(-50, 60)], options).predictions[0]!.classId).toBeNull();
  });

  test('leaves out a class with no examples, and says so', () => {
    const { session } = twoClasses();
    const birds = session.addClass('birds');
    const report = session.predict(kernels, [v(0, 0)], options);
    expect(report.skipped).toEqual([birds]);
    expect(report.predictions[0]!.scores).toHaveLength(2);
  });

  test('needs two classes with examples', () => {
    const session = new FewShotSession(2);
    session.addExample(session.addClass('only'), v(1, 1));
    expect(() => session.predict(kernels, [v(1, 1)], options)).toThrow(/at least two classes with examples; only one has/);
  });

  test('keeps names as plain text and rejects empty or overlong ones', () => {
    const session = new FewShotSession(2);
    const id = session.addClass('  <b>bold</b>  name ');
    expect(session.getClasses()[0]!.name).toBe('<b>bold</b> name');
    expect(() => session.renameClass(id, '   ')).toThrow(/needs a name/);
    expect(() => session.addClass('x'.repeat(81))).toThrow(/at most 80 characters; this one has 81/);
  });

  test('rejects an embedding of the wrong size or with NaN', () => {
    const { session, cats } = twoClasses();
    expect(() => session.addExample(cats, v(1, 2, 3))).toThrow(/has 3 values, but the session's model gives 2/);
    expect(() => session.addExample(cats, v(1, Number.NaN))).toThrow(FewShotError);
    expect(session.getClasses()[0]!.exampleCount).toBe(3);
  });

  test('saves and restores itself losslessly', () => {
    const { session } = twoClasses();
    const restored = FewShotSession.fromJSON(JSON.parse(JSON.stringify(session.toJSON())));
    expect(restored.toJSON()).toEqual(session.toJSON());
    const query = [v(0.3, 0.1)];
    expect(restored.predict(kernels, query, options)).toEqual(session.predict(kernels, query, options));
  });

  test('refuses a damaged or future saved session with a clear message', () => {
    const data = twoClasses().session.toJSON();
    expect(() => FewShotSession.fromJSON({ ...data, version: 2 })).toThrow(/\(format 2\); this one reads format 1/);
    expect(() => FewShotSession.fromJSON({ ...data, classes: [{ name: 'x', examples: ['!!!'] }] })).toThrow(/not valid base64/);
    expect(() => FewShotSession.fromJSON({ ...data, classes: [{ name: 'x', examples: ['AAAA'] }] })).toThrow(/holds 3 bytes, but a 2-value embedding needs 8/);
    expect(() => FewShotSession.fromJSON('hello')).toThrow(/not a saved session/);
  });
});

describe('FewShotSession details', () => {
  test('names the examples nearest to each query', () => {
    const { session, dogs } = twoClasses();
    const [prediction] = session.predict(kernels, [v(10.15, 10)], options).predictions;
    expect(prediction!.nearest[0]).toEqual({ classId: dogs, index: 1, distance: expect.closeTo(0.0025, 4) });
    expect(prediction!.nearest).toHaveLength(3);
  });

  test('maps examples, prototypes and queries to 2-D, classes apart', () => {
    const { session, cats, dogs } = twoClasses();
    const points = session.map(kernels, [v(5, 5)], 'none');
    expect(points.filter((p) => p.kind === 'example')).toHaveLength(6);
    expect(points.filter((p) => p.kind === 'prototype').map((p) => p.classId)).toEqual([cats, dogs]);
    const [catProto, dogProto] = points.filter((p) => p.kind === 'prototype');
    expect(Math.abs(catProto!.x - dogProto!.x)).toBeGreaterThan(10);
  });
});
