import { describe, expect, test } from 'vitest';
import { letterClassName, titleCase } from '../../../src/lib/lab/page/presets';

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
