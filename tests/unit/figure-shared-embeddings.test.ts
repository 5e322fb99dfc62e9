import { describe, expect, test } from 'vitest';
import figure from '../../src/figures/definitions/shared-embeddings';
import { loadKernelsInNode } from '../../src/lib/kernels/load-node';

const kernels = await loadKernelsInNode();
const at = (p: number, dim = figure.initial().dim) => {
  const summary = figure.draw({ ...figure.initial(), p, dim }, kernels).summary;
  const [, train, testError, gap] = /train RMSE (\d+\.\d+), test RMSE (\d+\.\d+), gap (-?\d+\.\d+)\./.exec(summary)!;
  return { train: Number(train), test: Number(testError), gap: Number(gap) };
};

describe('stochastic shared embeddings figure', () => {
  test('as p grows from 0 to 0.5 the training error rises and the gap narrows, but the test error does not fall', () => {
    const [none, half] = [at(0), at(0.5)];
    expect(half.train).toBeGreaterThan(none.train);
    expect(half.gap).toBeLessThan(none.gap);
    expect(half.test).toBeGreaterThanOrEqual(none.test);
  });

  test('at p = 0, rows of size 2 overfit far less than rows of size 12 or 16', () => {
    const small = at(0, 2).gap;
    expect(at(0, 12).gap).toBeGreaterThan(2 * small);
    expect(at(0, 16).gap).toBeGreaterThan(2 * small);
  });

  test('the handle sets p across and d up, within their ranges', () => {
    const state = figure.initial();
    const [handle] = figure.handles(state);
    figure.moveHandle(state, handle!.id, handle!.x + 1000, handle!.y - 1000);
    expect(state).toMatchObject({ p: 0.5, dim: 16 });
    figure.moveHandle(state, handle!.id, -1000, 1000);
    expect(state).toMatchObject({ p: 0, dim: 1 });
  });
});
