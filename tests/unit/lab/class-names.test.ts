import { describe, expect, test } from 'vitest';
import { classLetters, nextClassName } from '../../../src/lib/lab/class-names.ts';

describe('class names', () => {
  test('letters run A … Z, AA … ZZ, AAA in spreadsheet order', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(classLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  test('1,000 classes added one after another get 1,000 different names, none skipped', () => {
    const taken: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const name = nextClassName(taken);
      expect(name).toBe(`Class ${classLetters(i)}`);
      expect(name).toMatch(/^Class [A-Z]+$/);
      taken.push(name);
    }
    expect(new Set(taken.map((name) => name.toLowerCase())).size).toBe(1000);
  });

  test('the first free name is taken, whatever the case of the names already there', () => {
    expect(nextClassName([])).toBe('Class A');
    expect(nextClassName(['class a', 'CLASS B', 'Dogs'])).toBe('Class C');
    expect(nextClassName(['Class A', 'Class C'])).toBe('Class B');
    const allSingle = Array.from({ length: 26 }, (_, i) => `Class ${classLetters(i)}`);
    expect(nextClassName(allSingle)).toBe('Class AA');
  });
});
