import { describe, expect, test } from 'vitest';
import { disagreements, retrievalPercent, type RankedSetting } from '../../src/lib/eval/retrieval-disagreement';

const row = (model: string, metric: string, recall1: number, mapAtR: number): RankedSetting => ({ model, dataset: 'photo-kinds', metric, normalize: 'none', mapAtR, recallAt: { 1: recall1 } });

describe('disagreements', () => {
  test('finds the pairs Recall@1 and MAP@R rank in opposite orders, within each model and data set', () => {
    const rows = [
      row('m', 'euclidean', 0.9, 0.3),
      row('m', 'cosine', 0.8, 0.5), // below euclidean by R@1, above by MAP@R
      row('m', 'snr', 0.7, 0.4), // below cosine on both: agreement; below euclidean by R@1, above by MAP@R
      row('m', 'poincare', 0.9, 0.1), // ties euclidean on R@1: no disagreement with it
      row('other', 'euclidean', 0.1, 0.9), // another model: never compared with m's rows
    ];
    const found = disagreements(rows).map((d) => [d.byRecall.map((r) => r.metric).join(), d.byMapAtR.map((r) => r.metric).join(), d.recallLead, d.mapLead]);
    expect(found).toEqual([
      ['poincare', 'cosine', 10, 40],
      ['poincare', 'snr', 20, 30],
      ['euclidean', 'cosine', 10, 20],
      ['euclidean', 'snr', 20, 10],
    ]);
  });

  test('settings with the same printed Recall@1 and MAP@R are one side of a pair', () => {
    const rows = [row('m', 'euclidean', 0.9, 0.3), row('m', 'cosine', 0.8, 0.5), row('m', 'poincare', 0.90001, 0.30001)];
    expect(disagreements(rows).map((d) => [d.byRecall.map((r) => r.metric), d.byMapAtR.map((r) => r.metric)])).toEqual([[['euclidean', 'poincare'], ['cosine']]]);
  });

  test('compares the printed percentages: a difference the page does not show is no disagreement', () => {
    expect(retrievalPercent(0.12345)).toBe('12.3');
    expect(disagreements([row('m', 'a', 0.50004, 0.3), row('m', 'b', 0.5, 0.4)])).toEqual([]);
    expect(disagreements([row('m', 'a', 0.501, 0.3), row('m', 'b', 0.5, 0.30049)])).toEqual([]);
    expect(disagreements([row('m', 'a', 0.501, 0.3), row('m', 'b', 0.5, 0.3006)])).toHaveLength(1);
    expect(disagreements([])).toEqual([]);
  });
});
