import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classesSentence, heldOutNote } from '../../src/lib/eval/held-out';
import { ALTERNATE_CLASSES, splitClasses } from '../../src/lib/eval/datasets';
import { MODEL_IDS, RETIRED_MODEL_IDS } from '../../src/lib/models/catalog';
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
    for (const r of file.results) expect(() => heldOutNote(r.model, r.dataset, r.classes)).not.toThrow();
  });

  test('measures every row on the test classes, with the lab’s models on every data set at 600 episodes', () => {
    const main = file.results.filter((r) => r.head === undefined);
    expect(main.filter((r) => r.classes !== 'test')).toEqual([]);
    for (const model of [...MODEL_IDS, 'raw-pixels']) {
      for (const dataset of ['glyphs-heldout', 'fashion-mnist', 'photo-crops', 'photo-kinds', 'photo-kinds-wide']) {
        const rows = main.filter((r) => r.model === model && r.dataset === dataset);
        expect(rows.length, `${model} on ${dataset}`).toBeGreaterThan(0);
        expect(rows.every((r) => r.episodes === 600), `${model} on ${dataset}: 600 episodes`).toBe(true);
      }
    }
    // The retired photo model only beside its successor on photo-kinds.
    expect([...new Set(main.filter((r) => (RETIRED_MODEL_IDS as readonly string[]).includes(r.model)).map((r) => r.dataset))]).toEqual(['photo-kinds']);
  });
});

describe('heldOutNote', () => {
  test('names the classes the rows were measured on, by the split the evaluation runs', () => {
    expect(splitClasses([[0], [1], [2], [3]], 'test', ALTERNATE_CLASSES)).toEqual([[1], [3]]);
    expect(classesSentence('photo-kinds', 'test')).toBe(
      'Test kinds only: the 6 odd-numbered (test) kinds of 12 (fish and sea creatures; cattle, goats and sheep; other land mammals; vegetables; tools; and sports balls and gear).',
    );
    expect(classesSentence('glyphs-heldout', 'test')).toBe('Test letters only: the 818 odd-numbered (test) letters of 1,637.');
    expect(classesSentence('fashion-mnist', 'all')).toBe('All 10 classes of this set.');
  });

  test('says what was chosen on the even-numbered classes, and whether the rows include them', () => {
    const glyphs = heldOutNote('sketch-protonet', 'glyphs-heldout', 'test');
    expect(glyphs).toContain('Chosen on the even-numbered (validation) letters, which these rows leave out: sketch-protonet v2’s architecture and training schedule');
    expect(heldOutNote('photo-mobilenetv2-centernet-objectron', 'photo-kinds', 'all')).toContain('which these rows include, so they are optimistic');
    expect(heldOutNote('photo-mobilenetv2-centernet-objectron', 'photo-kinds', 'test')).not.toContain('never used to choose anything');
    expect(heldOutNote('photo-mobilenetv2-centernet-objectron', 'photo-kinds-wide', 'test')).toContain('adding objectron’s Conv_1 as a third branch');
    expect(heldOutNote('photo-mobilenetv2-centernet-objectron', 'photo-crops', 'test')).not.toContain('objectron');
    expect(heldOutNote('photo-mobilenetv3', 'photo-crops', 'test')).toContain('Chosen on all the photographs of this set');
    expect(heldOutNote('raw-pixels', 'fashion-mnist', 'test')).toContain('nothing trained');
    expect(() => heldOutNote('some-new-model', 'photo-kinds', 'test')).toThrow(/held-out\.ts/);
  });
});
