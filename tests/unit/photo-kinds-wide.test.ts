/**
 * datasets/photo-kinds-wide (training/export_photo_kinds_wide.py): its index,
 * its sheet as the harness reads it, and the honesty rule between it and
 * photo-kinds — photo-kinds' validation kinds chose the photo model's features
 * and calibration, so none of their stamps may sit in a test kind here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classesOf } from '../../src/lib/eval/datasets';
import { datasetEntry } from '../../src/lib/eval/dataset-catalog';
import { ROOT } from './../helpers/content';

interface Kind {
  kind: string;
  split: 'validation' | 'test';
  count?: number;
  stamps: string[];
}
const read = (id: string) => JSON.parse(readFileSync(join(ROOT, 'datasets', id, 'index.json'), 'utf8')) as { classes: Kind[]; perClass: number; [key: string]: unknown };
const wide = read('photo-kinds-wide');
const narrow = read('photo-kinds');

describe('datasets/photo-kinds-wide', () => {
  test('at least 30 kinds, each with 6 or more stamps (5-shot needs a query), none used twice, every count matching its list', () => {
    expect(wide.classes.length).toBeGreaterThanOrEqual(30);
    for (const c of wide.classes) {
      expect(c.stamps.length, c.kind).toBeGreaterThanOrEqual(6);
      expect(c.count, c.kind).toBe(c.stamps.length);
    }
    const all = wide.classes.flatMap((c) => c.stamps);
    expect(new Set(all).size).toBe(all.length);
    expect(wide.counts).toEqual({ kinds: wide.classes.length, images: all.length, perKind: { min: 6, max: wide.perClass } });
  });

  test('leaves out what is not a photograph of a thing: cartoons, toys, symbols, flags, road signs, mirrored copies', () => {
    for (const stamp of wide.classes.flatMap((c) => c.stamps)) {
      expect(stamp).toMatch(/\.png$/);
      expect(stamp).not.toMatch(/(^|\/)(cartoon|toys|symbols|flags|roadsigns)\/|_mirror\.png$/);
    }
  });

  test('even-numbered kinds are validation and odd-numbered ones test, as the registry splits them', () => {
    wide.classes.forEach((c, i) => expect(c.split, c.kind).toBe(i % 2 === 0 ? 'validation' : 'test'));
  });

  test('every stamp of a photo-kinds validation kind that it uses is in one of its validation kinds', () => {
    const chosen = new Set(narrow.classes.filter((c) => c.split === 'validation').flatMap((c) => c.stamps));
    const inTest = wide.classes.filter((c) => c.split === 'test').flatMap((c) => c.stamps.filter((s) => chosen.has(s)));
    expect(inTest).toEqual([]);
    // The rule bites: most of those stamps are here, all on the validation side.
    const inValidation = wide.classes.filter((c) => c.split === 'validation').flatMap((c) => c.stamps.filter((s) => chosen.has(s)));
    expect(inValidation.length).toBeGreaterThan(chosen.size / 2);
  });

  test('credits Tux Paint and names the Debian package, its version and licence', () => {
    expect(wide).toMatchObject({ generatedBy: 'python3 training/export_photo_kinds_wide.py', package: 'tuxpaint-stamps-default', version: '2022.06.04-1' });
    expect(wide.licence).toMatch(/^GPL-2 or later/);
    expect(wide.credits).toMatch(/Bill Kendrick and the Tux Paint contributors/);
  });

  test('the harness reads each kind’s own count of photographs from the sheet, not the white cells after them', () => {
    const dataset = datasetEntry('photo-kinds-wide').load();
    expect(dataset.byClass.map((c) => c.length)).toEqual(wide.classes.map((c) => c.stamps.length));
    expect(dataset.size).toBe(wide.classes.reduce((n, c) => n + c.stamps.length, 0));
    expect(classesOf(dataset, 'test').length).toBe(wide.classes.length / 2);
    // A kind's last photograph is not blank; the cell after it (white padding) is never read.
    const shortest = dataset.byClass.findIndex((c) => c.length < wide.perClass);
    const last = dataset.image(dataset.byClass[shortest]!.at(-1)!);
    expect(last.data.some((v, i) => i % 4 !== 3 && v < 200)).toBe(true);
    expect(datasetEntry('photo-kinds-wide').classNames()).toEqual(wide.classes.map((c) => c.kind));
  });
});

describe('its note on the Evaluation page', () => {
  test('says what photo-kinds’ validation kinds chose for the photo model, and that its test rows leave those stamps out', async () => {
    const { classesSentence, heldOutNote } = await import('../../src/lib/eval/held-out');
    expect(classesSentence('photo-kinds-wide', 'test')).toBe(`Test kinds only: the ${wide.classes.length / 2} odd-numbered (test) kinds of ${wide.classes.length}.`);
    const note = heldOutNote('photo-mobilenetv2-centernet-objectron', 'photo-kinds-wide', 'test');
    expect(note).toContain('which these rows leave out');
    expect(note).toContain('whose stamps this set uses only in its own validation kinds');
    expect(heldOutNote('sketch-protonet', 'photo-kinds-wide', 'test')).toContain('Nothing about sketch-protonet was chosen on this set');
  });
});
