import { describe, expect, test } from 'vitest';
import { ClassStore } from '../../src/lib/fewshot/class-store';
import { Predictor } from '../../src/lib/fewshot/predictor';
import { HEAD_LOSSES } from '../../src/lib/fewshot/head-losses';
import { defaultHeadOptions, trainHead } from '../../src/lib/fewshot/head';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

/** A class store and the predictor that reads it, as the lab's worker and the evaluation harness pair them. */
function sessionOf(dim: number, card?: ConstructorParameters<typeof Predictor>[1]) {
  const store = new ClassStore(dim);
  return { store, predictor: new Predictor(store, card) };
}


const kernels = await loadKernelsInNode();
const degrees = (a: number) => Float32Array.of(Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180), 0);

/**
 * A spread class beside a tight one, on the unit circle: the spread class's
 * prototype points at 0°, the tight one's at 87.5°, so the bisector (43.75°)
 * gives the spread class's 60° example to the tight class. A metric learned
 * from the examples can turn the spread class's proxy towards it.
 */
function spreadAndTight() {
  const session = sessionOf(3);
  const spread = session.store.addClass('spread');
  const tight = session.store.addClass('tight');
  const spreadAngles = [-60, -30, 30, 60];
  for (const a of spreadAngles) session.store.addExample(spread, degrees(a), `spread ${a}`);
  for (const a of [80, 85, 90, 95]) session.store.addExample(tight, degrees(a), `tight ${a}`);
  return { session, spread, tight, spreadAngles };
}

describe('learned metric head in the session', () => {
  // Circle loss is left out: with the other examples as frozen pairs, class A's widest positive pair (−60° and 60°,
  // similarity −0.5) takes almost all of its positive softmax share, so its proxy barely turns (see the Evaluation page).
  test.each(HEAD_LOSSES.filter((l) => l.id !== 'circle').map((l) => l.id))('%s: puts back in its class the example that prototypes give away', (loss) => {
    const { session, spread, spreadAngles } = spreadAndTight();
    const before = session.predictor.predict(kernels, spreadAngles.map(degrees)).predictions.map((p) => p.nearestClassId);
    expect(before.filter((c) => c !== spread)).toHaveLength(1);
    (session.store.setHead(defaultHeadOptions(loss)), session.predictor.trainHead(kernels));
    const after = session.predictor.predict(kernels, spreadAngles.map(degrees));
    expect(after.head?.loss).toBe(loss);
    expect(after.predictions.map((p) => p.nearestClassId)).toEqual(spreadAngles.map(() => spread));
  });

  test('training is deterministic: the same examples and options give the same head', () => {
    const x = kernels.normalize({ data: Float32Array.from([1, 0, 0.8, 0.3, 0, 1, 0.2, 0.9]), rows: 4, cols: 2 }, 'l2');
    const data = { x, labels: Int32Array.of(0, 0, 1, 1), classes: 2 };
    const a = trainHead(kernels, data, defaultHeadOptions('soft-triple'));
    const b = trainHead(kernels, data, defaultHeadOptions('soft-triple'));
    expect(Array.from(a.proxies.data)).toEqual(Array.from(b.proxies.data));
    expect(a.losses.at(-1)!).toBeLessThan(a.losses[0]!);
  });

  test('verdicts with the head are calibrated on held-out rounds, sum to one, and a query unlike any class is unknown', () => {
    const { session } = spreadAndTight();
    session.store.setHead(defaultHeadOptions('norm-softmax'));
    session.predictor.trainHead(kernels);
    expect(session.predictor.headIsStale()).toBe(false);
    // The second query points along the third axis, where no example lies: cosine 0 to every proxy.
    const report = session.predictor.predict(kernels, [degrees(10), Float32Array.of(0, 0, 1)]);
    expect(report.calibration.temperatureSource).toBe('examples');
    expect(report.calibration.thresholdSource).toBe('examples');
    expect(report.calibration.samples).toBe(8);
    for (const p of report.predictions) expect(p.scores.reduce((s, c) => s + c.probability, 0)).toBeCloseTo(1, 5);
    expect(report.predictions[0]!.classId).not.toBeNull();
    expect(report.predictions[1]!.classId).toBeNull();
  });

  test('turning the head off gives back exactly the prototypes’ verdicts; a new example leaves it stale until trained again, never trained by predict', () => {
    const { session } = spreadAndTight();
    const queries = [degrees(50), degrees(20)];
    const plain = session.predictor.predict(kernels, queries);
    (session.store.setHead(defaultHeadOptions('circle')), session.predictor.trainHead(kernels));
    session.store.setHead(null);
    expect(session.predictor.predict(kernels, queries)).toEqual(plain);
    session.store.setHead(defaultHeadOptions('circle'));
    const third = session.store.addClass('third');
    session.store.addExample(third, degrees(180));
    session.store.addExample(third, degrees(170));
    expect(session.predictor.headIsStale()).toBe(true);
    expect(session.predictor.predict(kernels, [degrees(175)]).head).toBeNull();
    expect(session.predictor.headIsStale()).toBe(true);
    session.predictor.trainHead(kernels);
    const report = session.predictor.predict(kernels, [degrees(175)]);
    expect(report.head?.loss).toBe('circle');
    expect(report.predictions[0]!.nearestClassId).toBe(third);
  });

  test('refuses to learn from fewer than two classes with two examples, saying why', () => {
    const session = sessionOf(3);
    const a = session.store.addClass('a');
    const b = session.store.addClass('b');
    session.store.addExample(a, degrees(0));
    session.store.addExample(a, degrees(10));
    session.store.addExample(b, degrees(90));
    expect(session.store.canLearnMetric()).toBe(false);
    session.store.setHead(defaultHeadOptions('norm-softmax'));
    expect(() => session.predictor.trainHead(kernels)).toThrow(/two classes with two examples/);
    expect(session.predictor.headIsStale()).toBe(false);
    expect(session.predictor.knowledge(kernels)).toBeNull();
  });

  test('how well it knows the classes: every example judged once, per class and in the confusion matrix, with and without the head', () => {
    const { session } = spreadAndTight();
    const plain = session.predictor.knowledge(kernels)!;
    expect(plain.head).toBeUndefined();
    expect(plain.prototypes.perClass.map((c) => c.total)).toEqual([4, 4]);
    expect(plain.prototypes.confusion.flat().reduce((s, v) => s + v, 0)).toBe(8);
    // Leave-one-out for prototypes: without 60°, the spread class's prototype is at −20°, and 60° goes to the tight class.
    expect(plain.prototypes.confusion[0]).toEqual([3, 1]);
    session.store.setHead(defaultHeadOptions('norm-softmax'));
    expect(session.predictor.knowledge(kernels)!.head).toBeUndefined();
    session.predictor.trainHead(kernels);
    const withHead = session.predictor.knowledge(kernels)!;
    expect(withHead.head!.total).toBe(8);
    expect(withHead.head!.perClass.map((c) => c.total)).toEqual([4, 4]);
  });
});
