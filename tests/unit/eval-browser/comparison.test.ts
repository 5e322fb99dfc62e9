/** The browser's result beside the published one (src/lib/eval-browser/comparison.ts): honest about any difference. */
import { describe, expect, test } from 'vitest';
import { compare, compareRetrieval, printed } from '../../../src/lib/eval-browser/comparison.ts';

const published = [{ task: '5-way 1-shot', accuracy: 0.2992857142857148, ci95: 0.00693236102509843, episodeFingerprint: 'a2e30ab5' }];

describe('compare', () => {
  test('prints as the table does', () => expect(printed(0.2992857142857148, 0.00693236102509843)).toBe('29.9 ± 0.7'));

  test('the same bits: no difference', () => {
    const [row] = compare(published, [{ accuracy: 0.2992857142857148, ci95: 0.00693236102509843, episodeFingerprint: 'a2e30ab5' }]);
    expect(row).toEqual({ task: '5-way 1-shot', published: '29.9 ± 0.7', browser: '29.9 ± 0.7', difference: 'none: the same number to the last bit', same: true });
  });

  test('a difference below the printed digit is said, and the printed numbers still agree', () => {
    const [row] = compare(published, [{ accuracy: 0.2992857142857148 + 1e-12, ci95: 0.00693236102509843, episodeFingerprint: 'a2e30ab5' }]);
    expect(row!.same).toBe(true);
    expect(row!.difference).toMatch(/^\+1\.0e-10 points in accuracy, \+0\.0 in the interval$/);
  });

  test('a difference the printed digits show is called so', () => {
    const [row] = compare(published, [{ accuracy: 0.31, ci95: 0.007, episodeFingerprint: 'a2e30ab5' }]);
    expect(row!.same).toBe(false);
    expect(row!.browser).toBe('31.0 ± 0.7');
    expect(row!.difference).toMatch(/the printed digits differ$/);
  });

  test('other episodes are not compared', () => {
    const [row] = compare(published, [{ accuracy: 0.2992857142857148, ci95: 0.00693236102509843, episodeFingerprint: 'ffffffff' }]);
    expect(row!.difference).toBe('other episodes were drawn: the runs are not comparable');
  });
});

describe('compareRetrieval', () => {
  const measured = { images: 48, queries: 48, metric: 'euclidean', normalize: 'none', mapAtR: 0.25, rPrecision: 0.3, recallAt: { 1: 0.5, 2: 0.6, 4: 0.7, 8: 0.8 } } as const;
  test('the same bits: every measure the same', () => {
    expect(compareRetrieval(measured, measured).map((r) => [r.task, r.browser, r.difference])).toEqual(
      ['MAP@R', 'R-precision', 'R@1', 'R@2', 'R@4', 'R@8'].map((task, i) => [task, ['25.0', '30.0', '50.0', '60.0', '70.0', '80.0'][i], 'none: the same number to the last bit']),
    );
  });
  test('a difference is said, and whether the printed digits show it', () => {
    const rows = compareRetrieval(measured, { ...measured, mapAtR: 0.25 + 1e-9, recallAt: { ...measured.recallAt, 1: 0.52 } });
    expect(rows[0]).toMatchObject({ same: true, difference: '+1.0e-7 points' });
    expect(rows[2]).toMatchObject({ same: false, difference: '+2.0 points; the printed digits differ' });
  });
});
