import { describe, expect, test } from 'vitest';
import { FewShotSession } from '../../src/lib/fewshot/session';
import { HEAD_LOSSES } from '../../src/lib/fewshot/head-losses';
import { defaultHeadOptions, trainHead } from '../../src/lib/fewshot/head';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const degrees = (a: number) => Float32Array.of(Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180), 0);

/**
 * A spread class beside a tight one, on the unit circle: the spread class's
 * prototype points at 0°, the tight one's at 87.5°, so the bisector (43.75°)
 * gives the spread class's 60° example to the tight class. A metric learned
 * from the examples can turn the spread class's proxy towards it.
 */
function spreadAndTight() {
  const session = new FewShotSession(3);
  const spread = session.addClass('spread');
  const tight = session.addClass('tight');
  const spreadAngles = [-60, -30, 30, 60];
  for (const a of spreadAngles) session.addExample(spread, degrees(a), `spread ${a}`);
  for (const a of [80, 85, 90, 95]) session.addExample(tight, degrees(a), `tight ${a}`);
  return { session, spread, tight, spreadAngles };
}

describe('learned metric head in the session', () => {
  // Circle loss is left out: with the other examples as frozen pairs, class A's widest positive pair (−60° and 60°,
  // similarity −0.5) takes almost all of its positive softmax share, so its proxy barely turns (see the Evaluation page).
  test.each(HEAD_LOSSES.filter((l) => l.id !== 'circle').map((l) => l.id))('%s: puts back in its class the example that prototypes give away', (loss) => {
    const { session, spread, spreadAngles } = spreadAndTight();
    const before = session.predict(kernels, spreadAngles.map(degrees)).predictions.map((p) => p.nearestClassId);
    expect(before.filter((c) => c !== spread)).toHaveLength(1);
    session.trainHead(kernels, defaultHeadOptions(loss));
    const after = session.predict(kernels, spreadAngles.map(degrees));
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
    session.setHead(defaultHeadOptions('norm-softmax'));
    // The second query points along the third axis, where no example lies: cosine 0 to every proxy.
    const report = session.predict(kernels, [degrees(10), Float32Array.of(0, 0, 1)]);
    expect(report.calibration.temperatureSource).toBe('examples');
    expect(report.calibration.thresholdSource).toBe('examples');
    expect(report.calibration.samples).toBe(8);
    for (const p of report.predictions) expect(p.scores.reduce((s, c) => s + c.probability, 0)).toBeCloseTo(1, 5);
    expect(report.predictions[0]!.classId).not.toBeNull();
    expect(report.predictions[1]!.classId).toBeNull();
  });

  test('turning the head off gives back exactly the prototypes’ verdicts; a new example retrains it', () => {
    const { session } = spreadAndTight();
    const queries = [degrees(50), degrees(20)];
    const plain = session.predict(kernels, queries);
    session.trainHead(kernels, defaultHeadOptions('circle'));
    session.setHead(null);
    expect(session.predict(kernels, queries)).toEqual(plain);
    session.setHead(defaultHeadOptions('circle'));
    const third = session.addClass('third');
    session.addExample(third, degrees(180));
    session.addExample(third, degrees(170));
    const report = session.predict(kernels, [degrees(175)]);
    expect(report.head?.loss).toBe('circle');
    expect(report.predictions[0]!.nearestClassId).toBe(third);
  });

  test('refuses to learn from fewer than two classes with two examples, saying why', () => {
    const session = new FewShotSession(3);
    const a = session.addClass('a');
    const b = session.addClass('b');
    session.addExample(a, degrees(0));
    session.addExample(a, degrees(10));
    session.addExample(b, degrees(90));
    expect(session.canLearnMetric()).toBe(false);
    expect(() => session.trainHead(kernels, defaultHeadOptions('norm-softmax'))).toThrow(/two classes with two examples/);
    expect(session.knowledge(kernels)).toBeNull();
  });

  test('how well it knows the classes: every example judged once, per class and in the confusion matrix, with and without the head', () => {
    const { session } = spreadAndTight();
    const plain = session.knowledge(kernels)!;
    expect(plain.head).toBeUndefined();
    expect(plain.prototypes.perClass.map((c) => c.total)).toEqual([4, 4]);
    expect(plain.prototypes.confusion.flat().reduce((s, v) => s + v, 0)).toBe(8);
    // Leave-one-out for prototypes: without 60°, the spread class's prototype is at −20°, and 60° goes to the tight class.
    expect(plain.prototypes.confusion[0]).toEqual([3, 1]);
    session.setHead(defaultHeadOptions('norm-softmax'));
    const withHead = session.knowledge(kernels)!;
    expect(withHead.head!.total).toBe(8);
    expect(withHead.head!.perClass.map((c) => c.total)).toEqual([4, 4]);
  });
});
