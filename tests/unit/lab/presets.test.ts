import { describe, expect, test } from 'vitest';
import { chooseExampleSet, letterClassName, titleCase } from '../../../src/lib/lab/page/presets';

describe('letterClassName', () => {
  test('names a letter in Latin script from its Unicode name, without the script', () => {
    expect(letterClassName('BASSA VAH LETTER ENNI', 'BASSA VAH')).toBe('Letter Enni');
    expect(letterClassName('CARIAN LETTER P2', 'CARIAN')).toBe('Letter P2');
    expect(letterClassName('OLD TURKIC LETTER ORKHON AB', 'OLD TURKIC')).toBe('Letter Orkhon Ab');
  });
  test('keeps the whole name when it does not start with the script', () => {
    expect(letterClassName('LATIN SMALL LETTER A', 'CHAM')).toBe('Latin Small Letter A');
  });
});

describe('titleCase', () => {
  test('capitalises each word, after spaces and hyphens', () => {
    expect(titleCase('ZANABAZAR SQUARE')).toBe('Zanabazar Square');
    expect(titleCase('SYLOTI-NAGRI')).toBe('Syloti-Nagri');
  });
});

describe('the held-out letters', () => {
  test('every one gets a distinct class name in plain Latin letters within its script', async () => {
    const { readFileSync } = await import('node:fs');
    const index = JSON.parse(readFileSync(new URL('../../../datasets/glyphs-heldout/index.json', import.meta.url), 'utf8')) as { scripts: Array<{ script: string; letters: string[]; names: string[] }> };
    for (const { script, letters, names } of index.scripts) {
      expect(names).toHaveLength(letters.length);
      const classNames = names.map((name) => letterClassName(name, script));
      for (const name of classNames) expect(name).toMatch(/^[A-Za-z0-9 -]+$/);
      expect(new Set(classNames).size, script).toBe(classNames.length);
    }
  });
});

describe('chooseExampleSet', () => {
  const presets = [
    { id: 'letters', model: 'sketch-protonet' },
    { id: 'things', model: 'photo-mobilenetv2-centernet-objectron' },
    { id: 'textures', model: 'photo-mobilenetv2-centernet-objectron' },
  ];
  test('returns the model’s first set: things, not textures, for the photo model', () => {
    expect(chooseExampleSet(presets, 'photo-mobilenetv2-centernet-objectron').id).toBe('things');
    expect(chooseExampleSet(presets, 'sketch-protonet').id).toBe('letters');
  });
  test('returns the set an id names, whichever model is chosen', () => {
    expect(chooseExampleSet(presets, 'photo-mobilenetv2-centernet-objectron', 'textures').id).toBe('textures');
    expect(chooseExampleSet(presets, 'sketch-protonet', 'textures').id).toBe('textures');
  });
  test('falls back to the model’s first set for an unknown id, and to the first set for an unknown model', () => {
    expect(chooseExampleSet(presets, 'photo-mobilenetv2-centernet-objectron', '1').id).toBe('things');
    expect(chooseExampleSet(presets, 'my-model.onnx').id).toBe('letters');
  });
});

describe('the photo example set of things (datasets/photo-things)', () => {
  const TEST_KIND_FOLDERS = ['animals/fish/', 'animals/mammals/', 'food/vegetables/', 'household/tools/', 'sports/'];
  test('three kinds, five stamps and one query each, none from a test kind of photo-kinds, every stamp used once, credited GPL-2', async () => {
    const { readFileSync } = await import('node:fs');
    const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../datasets/${path}`, import.meta.url), 'utf8'));
    const things = read('photo-things/index.json') as { package: string; version: string; licence: string; perClass: number; classes: Array<{ kind: string; stamps: string[]; query: string }> };
    const kinds = read('photo-kinds/index.json') as { classes: Array<{ split: string; stamps: string[] }> };
    expect(things.package).toBe('tuxpaint-stamps-default');
    expect(things.licence).toMatch(/^GPL-2/);
    expect(things.classes.map((c) => c.kind)).toEqual(['fruit', 'vehicles', 'kitchenware']);
    const all = things.classes.flatMap((c) => [...c.stamps, c.query]);
    expect(new Set(all).size).toBe(things.classes.length * (things.perClass + 1));
    for (const c of things.classes) expect(c.stamps).toHaveLength(things.perClass);
    const testStamps = new Set(kinds.classes.filter((c) => c.split === 'test').flatMap((c) => c.stamps));
    for (const stamp of all) {
      expect(testStamps.has(stamp), stamp).toBe(false);
      expect(TEST_KIND_FOLDERS.some((folder) => stamp.startsWith(folder)), stamp).toBe(false);
    }
  });
});
