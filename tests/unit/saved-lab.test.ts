import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeFloats, encodeFloats, parseSavedLab, readSavedLabFile } from '../../src/lib/lab/worker/saved-lab';

const version1 = JSON.parse(readFileSync(new URL('../fixtures/labs/version-1.json', import.meta.url), 'utf8'));

describe('parseSavedLab', () => {
  test('opens a lab saved by the previous version: names, embeddings bit for bit, thumbnails as originals, calibration in place of T = 1', () => {
    const lab = parseSavedLab(version1);
    expect(lab.version).toBe(2);
    expect(lab.classes.map((c) => c.name)).toEqual(['circles <b>!</b>', 'Class B']);
    expect(lab.classes.map((c) => c.examples.length)).toEqual([3, 3]);
    const first = lab.classes[0]!.examples[0]!;
    expect(first.original).toBe(version1.thumbnails[0][0]);
    expect(first.embeddings['sketch-protonet']).toBe(version1.session.classes[0].examples[0]);
    expect(decodeFloats(first.embeddings['sketch-protonet']!, 64)).toHaveLength(64);
    expect(lab.method).toEqual({ metric: 'cosine', normalization: 'none', temperature: 'auto', refine: 0 });
    expect(new Set(lab.classes.flatMap((c) => c.examples.map((e) => e.id))).size).toBe(6);
  });

  test('reads back what it writes (format 2)', () => {
    const lab = parseSavedLab(version1);
    expect(parseSavedLab(JSON.parse(JSON.stringify(lab)))).toEqual(lab);
  });

  test('refuses damaged files with a message that says what is wrong', () => {
    const lab = parseSavedLab(version1);
    expect(() => parseSavedLab({ ...version1, thumbnails: [[]] })).toThrow(/damaged: its classes and thumbnails do not match/);
    expect(() => parseSavedLab({ ...lab, modelId: 'gpt' })).toThrow(/a model this site does not have \("gpt"\)/);
    const script = structuredClone(lab);
    script.classes[0]!.examples[0]!.original = 'data:text/html;base64,PHNjcmlwdD4=';
    expect(() => parseSavedLab(script)).toThrow(/damaged: classes\.0\.examples\.0\.original is not a PNG or JPEG data URL/);
    const short = structuredClone(version1);
    short.session.classes[0].examples[0] = 'AAAA';
    expect(() => parseSavedLab(short)).toThrow(/example 1 of “circles <b>!<\/b>” does not hold 64 values/);
    expect(() => parseSavedLab({ ...lab, version: 3 })).toThrow(/newer Metric Atlas \(format version 3\)/);
    expect(() => parseSavedLab({ hello: 1 })).toThrow(/not a saved Metric Atlas lab/);
    expect(() => readSavedLabFile('{"format": "metr', 'broken.json')).toThrow(/^broken.json is not a saved lab: it is not JSON\.$/);
  });

  test('embeddings survive base64 bit for bit, at any length', () => {
    const values = Float32Array.from({ length: 40000 }, (_, i) => Math.sin(i) * 1e-3);
    expect(decodeFloats(encodeFloats(values), 40000)).toEqual(values);
    expect(decodeFloats(encodeFloats(values), 3)).toBeUndefined();
    expect(decodeFloats('!!', 1)).toBeUndefined();
  });
});
