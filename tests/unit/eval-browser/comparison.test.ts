/** The browser's result beside the published one (src/lib/eval-browser/comparison.ts): honest about any difference. */
import { describe, expect, test } from 'vitest';
import { compare, printed } from '../../../src/lib/eval-browser/comparison.ts';

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
