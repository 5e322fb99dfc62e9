import { describe, expect, test } from 'vitest';
import { ClassStore, FewShotError } from '../../src/lib/fewshot/class-store';
import { Predictor } from '../../src/lib/fewshot/predictor';
import type { CardCalibration } from '../../src/lib/models/card';
import type { Method } from '../../src/lib/fewshot/method';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

/** A class store and the predictor that reads it, as the lab's worker and the evaluation harness pair them. */
function sessionOf(dim: number, card?: ConstructorParameters<typeof Predictor>[1]) {
  const store = new ClassStore(dim);
  return { store, predictor: new Predictor(store, card) };
}

const kernels = await loadKernelsInNode();
const v = (...values: number[]) => Float32Array.from(values);
const plain: Method = { metric: 'euclidean', normalization: 'none', temperature: 1, refine: 0 };
const card: CardCalibration = { fittedBy: 'test', dataset: 'test-set', split: 'validation', quantile: 0.95, settings: { 'euclidean/none': { temperature: 0.5, oneShotThreshold: 2 } } };

function twoClasses(method: Partial<Method> = plain, calibration?: CardCalibration) {
  const session = sessionOf(2, calibration);
  session.store.setMethod({ ...plain, ...method });
  const cats = session.store.addClass('cats');
  const dogs = session.store.addClass('dogs');
  for (const e of [v(0, 0), v(0.2, 0), v(0, 0.2)]) session.store.addExample(cats, e);
  for (const e of [v(10, 10), v(10.2, 10), v(10, 10.2)]) session.store.addExample(dogs, e);
  return { session, cats, dogs };
}

describe('ClassStore and Predictor', () => {
  test('predicts the nearest class, with a probability and distance per class', () => {
    const { session, cats, dogs } = twoClasses();
    const { predictions } = session.predictor.predict(kernels, [v(0.1, 0.1), v(9.9, 10)]);
    expect(predictions.map((p) => p.classId)).toEqual([cats, dogs]);
    expect(predictions[0]!.scores.find((s) => s.classId === cats)!.probability).toBeGreaterThan(0.99);
    expect(predictions[0]!.scores.reduce((sum, s) => sum + s.probability, 0)).toBeCloseTo(1, 5);
  });

  test('answers unknown for a query far from every class, and still names the nearest', () => {
    const { session, cats } = twoClasses();
    const [p] = session.predictor.predict(kernels, [v(-50, 60)]).predictions;
    expect(p!.classId).toBeNull();
    expect(p!.nearestClassId).toBe(cats);
  });

  test('leaves out a class with no examples, and says so', () => {
    const { session } = twoClasses();
    const birds = session.store.addClass('birds');
    const report = session.predictor.predict(kernels, [v(0, 0)]);
    expect(report.skipped).toEqual([birds]);
    expect(report.predictions[0]!.scores).toHaveLength(2);
  });

  test('needs two classes with examples', () => {
    const session = sessionOf(2);
    session.store.addExample(session.store.addClass('only'), v(1, 1));
    expect(() => session.predictor.predict(kernels, [v(1, 1)])).toThrow(/at least two classes with examples; only one has/);
  });

  test('keeps names as plain text; refuses empty, overlong and duplicate names', () => {
    const session = sessionOf(2);
    const id = session.store.addClass('  <b>bold</b>  name ');
    expect(session.store.list()[0]!.name).toBe('<b>bold</b> name');
    expect(() => session.store.renameClass(id, '   ')).toThrow(/needs a name/);
    expect(() => session.store.addClass('x'.repeat(81))).toThrow(/at most 80 characters; this one has 81/);
    const other = session.store.addClass('dogs');
    expect(() => session.store.renameClass(other, ' <B>BOLD</B> NAME')).toThrow(/already a class called “<b>bold<\/b> name”/);
    expect(() => session.store.addClass('Dogs')).toThrow(/already a class called “dogs”/);
    expect(session.store.renameClass(id, 'Bold')).toBe('Bold');
    expect(session.store.list().map((c) => c.name)).toEqual(['Bold', 'dogs']);
  });

  test('rejects an embedding of the wrong size or with NaN, and keeps the rest', () => {
    const { session, cats } = twoClasses();
    expect(() => session.store.addExample(cats, v(1, 2, 3))).toThrow(/has 3 values, but the model gives 2/);
    expect(() => session.store.addExample(cats, v(1, Number.NaN))).toThrow(FewShotError);
    expect(session.store.list()[0]!.exampleIds).toHaveLength(3);
  });

  test('classes and examples are found by id, not position: removing one leaves the others’ ids and verdicts alone', () => {
    const { session, cats, dogs } = twoClasses();
    const birds = session.store.addClass('birds');
    const bird = session.store.addExample(birds, v(-10, -10));
    const first = session.store.list()[0]!.exampleIds[0]!;
    session.store.removeExample(first);
    expect(session.store.list()[0]!.exampleIds).not.toContain(first);
    const { removed, index } = session.store.removeClass(cats);
    expect(index).toBe(0);
    expect(session.predictor.predict(kernels, [v(-10, -9)]).predictions[0]!.classId).toBe(birds);
    session.store.addClass(removed.name, removed.id, index);
    for (const e of removed.examples) session.store.addExample(removed.id, e.embedding, e.id);
    expect(session.store.list().map((c) => c.id)).toEqual([cats, dogs, birds]);
    expect(session.predictor.predict(kernels, [v(-10, -9)]).predictions[0]!.nearest[0]!.exampleId).toBe(bird);
  });

  test('names the examples nearest to each query by id', () => {
    const { session, dogs } = twoClasses();
    const dogIds = session.store.list()[1]!.exampleIds;
    const [prediction] = session.predictor.predict(kernels, [v(10.15, 10)]).predictions;
    expect(prediction!.nearest[0]).toEqual({ classId: dogs, exampleId: dogIds[1], distance: expect.closeTo(0.0025, 4) });
    expect(prediction!.nearest).toHaveLength(3);
  });

  test('maps examples, prototypes and queries to 2-D, classes apart', () => {
    const { session, cats, dogs } = twoClasses();
    const points = session.predictor.map(kernels, [v(5, 5)]);
    expect(points.filter((p) => p.kind === 'example')).toHaveLength(6);
    expect(points.filter((p) => p.kind === 'prototype').map((p) => p.classId)).toEqual([cats, dogs]);
    const [catProto, dogProto] = points.filter((p) => p.kind === 'prototype');
    expect(Math.abs(catProto!.x - dogProto!.x)).toBeGreaterThan(10);
  });
});

describe('calibration in the session', () => {
  test('with one example per class the temperature and threshold come from the card', () => {
    const session = sessionOf(2, card);
    session.store.setMethod({ ...plain, temperature: 'auto' });
    session.store.addExample(session.store.addClass('a'), v(0, 0));
    session.store.addExample(session.store.addClass('b'), v(3, 0));
    const c = session.predictor.calibration(kernels);
    expect(c).toMatchObject({ temperature: 0.5, temperatureSource: 'card', threshold: 2, thresholdSource: 'card' });
    // Distance 1.96 from a: known; 2.25 (squared): unknown, by the card's one-shot rule.
    expect(session.predictor.predict(kernels, [v(0, 1.4), v(0, 1.5)]).predictions.map((p) => p.classId === null)).toEqual([false, true]);
  });

  test('with two examples in two classes, the visitor’s leave-one-out distances decide, and the temperature is refitted within bounds', () => {
    const { session } = twoClasses({ temperature: 'auto' }, card);
    const c = session.predictor.calibration(kernels);
    expect(c.thresholdSource).toBe('examples');
    expect(c.samples).toBe(6);
    expect(c.temperatureSource).toBe('examples');
    expect(c.temperature).toBeGreaterThanOrEqual(0.5 / 4);
    expect(c.temperature).toBeLessThanOrEqual(0.5 * 4);
    // Held-out distances here are 0.05–0.09 (squared): the 95th percentile is far below the card's 2.
    expect(c.threshold).toBeLessThan(0.1);
  });

  test('a manual temperature is used as given; a model without calibration says so', () => {
    expect(twoClasses({ temperature: 3 }, card).session.predictor.calibration(kernels)).toMatchObject({ temperature: 3, temperatureSource: 'manual' });
    const bare = sessionOf(2);
    bare.store.setMethod({ ...plain, temperature: 'auto' });
    bare.store.addExample(bare.store.addClass('a'), v(0, 0));
    bare.store.addExample(bare.store.addClass('b'), v(3, 0));
    expect(bare.predictor.calibration(kernels)).toMatchObject({ temperatureSource: 'uncalibrated', thresholdSource: 'none', threshold: Infinity });
  });

  test('with refinement, the threshold is measured on the refined prototypes the verdict uses', () => {
    const { session } = twoClasses({ refine: 3 });
    const plainThreshold = session.predictor.calibration(kernels).threshold;
    // A far query pulls a prototype towards it; the threshold follows the moved prototypes.
    const report = session.predictor.predict(kernels, [v(30, 30)]);
    expect(report.calibration.threshold).not.toBeCloseTo(plainThreshold, 6);
    expect(report.predictions[0]!.classId).toBeNull();
  });

  test('a method change recomputes from the kept embeddings', () => {
    const { session, cats } = twoClasses();
    const before = session.predictor.predict(kernels, [v(1, 1)]);
    session.store.setMethod({ metric: 'cosine', normalization: 'l2' });
    const after = session.predictor.predict(kernels, [v(1, 1)]);
    expect(after.predictions[0]!.scores[0]!.distance).not.toBeCloseTo(before.predictions[0]!.scores[0]!.distance, 3);
    session.store.setMethod(plain);
    expect(session.predictor.predict(kernels, [v(1, 1)])).toEqual(before);
    expect(before.predictions[0]!.nearestClassId).toBe(cats);
    expect(() => session.store.setMethod({ refine: 11 })).toThrow(/whole number from 0 to 10/);
  });

  test('a snapshot restored into another store gives the same classes, method and verdicts; the predictor follows every change', () => {
    const { session } = twoClasses({ metric: 'cosine' });
    const queries = [v(0.1, 0.3), v(9, 11)];
    const copy = sessionOf(2);
    copy.store.restore(session.store.snapshot());
    expect(copy.store.list()).toEqual(session.store.list());
    expect(copy.store.method).toEqual(session.store.method);
    expect(copy.predictor.predict(kernels, queries)).toEqual(session.predictor.predict(kernels, queries));
    // The snapshot is a copy: changing the original leaves the restored one as it was.
    session.store.removeClass(session.store.list()[0]!.id);
    expect(copy.store.list()).toHaveLength(2);
    expect(() => session.predictor.predict(kernels, queries)).toThrow(/at least two classes/);
    expect(() => copy.store.restore({ ...session.store.snapshot(), classes: [{ id: 'x', name: ' ', examples: [] }] })).toThrow(FewShotError);
  });
});
