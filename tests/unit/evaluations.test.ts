import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { heldOutNote } from '../../src/lib/eval/held-out';
import { BASELINE, groupKey, rowKey } from '../../src/lib/eval/summary';
import { evaluationsSchema } from '../../src/schemas/evaluations';
import { ROOT } from '../helpers/content';

const file = evaluationsSchema.parse(JSON.parse(readFileSync(join(ROOT, 'src/data/evaluations.json'), 'utf8')));

describe('src/data/evaluations.json', () => {
  test('pairs only results measured on the same episodes (the head rows, on test classes, among themselves)', () => {
    const fingerprints = new Map<string, Set<string>>();
    for (const r of file.results) {
      const key = `${groupKey(r)}|${r.head === undefined ? 'all classes' : 'head rows'}`;
      fingerprints.set(key, (fingerprints.get(key) ?? new Set()).add(r.episodeFingerprint));
    }
    for (const [group, set] of fingerprints) expect(set.size, group).toBe(1);
  });

  test('every head row is compared with plain prototypes measured beside it', () => {
    const heads = file.results.filter((r) => r.head !== undefined);
    for (const r of heads.filter((h) => h.head !== 'none')) {
      expect(r.vsPrototypes, groupKey(r)).toBeDefined();
      expect(heads.some((p) => p.head === 'none' && groupKey(p) === groupKey(r) && p.episodeFingerprint === r.episodeFingerprint), groupKey(r)).toBe(true);
    }
  });

  test('gives the baseline a zero difference from itself, and refined settings their difference from unrefined', () => {
    for (const r of file.results) {
      if (rowKey(r) === rowKey(BASELINE)) expect(r.vsBaseline).toEqual({ difference: 0, ci95: 0 });
      expect(r.vsUnrefined === undefined, rowKey(r)).toBe(r.refine === 0);
    }
  });

  test('has a held-out note for every model and data set the page shows', () => {
    for (const r of file.results) expect(() => heldOutNote(r.model, r.dataset)).not.toThrow();
  });
});
