import { describe, expect, test } from 'vitest';
import { checkMethod, DEFAULT_METHOD, MethodError } from '../../src/lib/fewshot/method.ts';
import { checkHeadOptions, defaultHeadOptions } from '../../src/lib/fewshot/head.ts';
import { HEAD_LOSS_NAMES, HEAD_LOSSES, MAX_HEAD_RATE, MAX_HEAD_STEPS } from '../../src/lib/fewshot/head-losses.ts';
import { HEAD_LOSS_IDS, METRIC_NAMES, metricChoiceLabel, NORMALIZATION_INFO, NORMALIZATIONS } from '../../src/lib/kernels/index.ts';
import { MAX_REFINE } from '../../src/schemas/method.ts';

describe('checkMethod', () => {
  test('returns the method, without fields it does not know', () => {
    expect(checkMethod({ ...DEFAULT_METHOD, extra: 1 } as never)).toEqual(DEFAULT_METHOD);
    expect(checkMethod({ metric: 'snr', normalization: 'cl2n', temperature: 2.5, refine: MAX_REFINE })).toEqual({ metric: 'snr', normalization: 'cl2n', temperature: 2.5, refine: MAX_REFINE });
  });

  test('names the bad field and the value given', () => {
    const bad = (change: object) => () => checkMethod({ ...DEFAULT_METHOD, ...change });
    expect(bad({ metric: 'manhattan' })).toThrow(MethodError);
    expect(bad({ metric: 'manhattan' })).toThrow('Unknown distance "manhattan".');
    expect(bad({ metric: undefined })).toThrow('Unknown distance "undefined".');
    expect(bad({ normalization: 'l1' })).toThrow('Unknown normalisation "l1".');
    for (const temperature of [0, -1, Infinity, Number.NaN, 'hot']) expect(bad({ temperature })).toThrow(`The temperature must be "auto" or a number above 0; got ${String(temperature)}.`);
    for (const refine of [-1, 1.5, MAX_REFINE + 1, '2']) expect(bad({ refine })).toThrow(`Refinement steps must be a whole number from 0 to ${MAX_REFINE}; got ${String(refine)}.`);
  });

  test('reports the first bad field, in the form’s order', () => {
    expect(() => checkMethod({ metric: 'x', normalization: 'y', temperature: 0, refine: -1 })).toThrow('Unknown distance "x".');
  });
});

describe('checkHeadOptions', () => {
  test('returns the options, bounded by the registry’s constants', () => {
    expect(checkHeadOptions({ loss: 'circle', steps: MAX_HEAD_STEPS, rate: MAX_HEAD_RATE })).toEqual({ loss: 'circle', steps: MAX_HEAD_STEPS, rate: MAX_HEAD_RATE });
    for (const loss of HEAD_LOSS_NAMES) expect(checkHeadOptions(defaultHeadOptions(loss))).toEqual(defaultHeadOptions(loss));
  });

  test('names the bad field and the value given', () => {
    const bad = (change: object) => () => checkHeadOptions({ ...defaultHeadOptions('norm-softmax'), ...change });
    expect(bad({ loss: 'triplet' })).toThrow('Unknown loss "triplet".');
    for (const steps of [0, 1.5, MAX_HEAD_STEPS + 1]) expect(bad({ steps })).toThrow(`Steps must be a whole number from 1 to ${MAX_HEAD_STEPS}; got ${steps}.`);
    for (const rate of [0, MAX_HEAD_RATE + 1, Number.NaN]) expect(bad({ rate })).toThrow(`The learning rate must be a number above 0 and at most ${MAX_HEAD_RATE}; got ${rate}.`);
  });
});

describe('registries', () => {
  test('the head losses are exactly the kernels’ losses', () => {
    expect([...HEAD_LOSS_NAMES].sort()).toEqual(Object.keys(HEAD_LOSS_IDS).sort());
    expect(HEAD_LOSSES.filter((l) => l.paper).map((l) => l.id)).toEqual(['soft-triple', 'multi-similarity', 'circle']);
  });

  test('returns the lab’s and the results’ names of each choice from one place', () => {
    expect(METRIC_NAMES.map(metricChoiceLabel)).toEqual(['Squared Euclidean (Prototypical Networks)', 'Cosine', 'Signal-to-noise ratio', 'Poincaré (exp₀ map of these features into the ball)']);
    expect(NORMALIZATIONS.map((n) => [NORMALIZATION_INFO[n].label, NORMALIZATION_INFO[n].inResults])).toEqual([
      ['None', 'no normalisation'],
      ['L2', 'L2'],
      ['Centre on your examples + L2', 'centred on the supports + L2'],
    ]);
  });
});

describe('data sets', () => {
  test('the Node catalog reads exactly the registry’s data sets, in its order', async () => {
    const { DATASET_CATALOG } = await import('../../src/lib/eval/dataset-catalog.ts');
    const { DATASET_IDS, datasetInfo } = await import('../../src/lib/eval/datasets.ts');
    expect(DATASET_CATALOG.map((d) => d.id)).toEqual(DATASET_IDS);
    for (const id of DATASET_IDS) expect(datasetInfo(id).split.words.test).toBe('odd-numbered');
  });

  test('an unknown data set is refused with the list of known ones', async () => {
    const { datasetEntry } = await import('../../src/lib/eval/dataset-catalog.ts');
    expect(() => datasetEntry('mnist')).toThrow('Unknown data set "mnist"; use glyphs-heldout, fashion-mnist, photo-crops, photo-kinds or photo-kinds-wide.');
  });
});
