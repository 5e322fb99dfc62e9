import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LabReply } from '../../../src/lib/lab/messages.ts';
import type { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import { classNamed, damaged, expectReply, glyph, glyphs, installWorkerGlobals, madePicture, noProgress, sizes, startedEngine, verdictNames } from '../../helpers/lab-engine.ts';

/**
 * LabEngine in Node (issue 27): example sets, folders, and the lab in and out
 * of files (JSON and zip), each round trip lossless: the lab exported again
 * after an import is the same file, originals and embeddings alike.
 */
let engine: LabEngine;
let last: LabReply;
const BASSA = [['Bassa A', 3], ['Bassa B', 3], ['Bassa C', 3]];
const QUERIES = ['Bassa A', 'Bassa B', 'Bassa C'];
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const text = async (blob: Blob) => new TextDecoder().decode(await bytesOf(blob));

beforeAll(installWorkerGlobals);
afterAll(() => vi.unstubAllGlobals());

describe('LabEngine: example sets, folders and files', { timeout: 30_000 }, () => {
  test('start with the address metric: a new lab with it', async () => {
    ({ engine, reply: last } = await startedEngine(undefined, 'cosine'));
    expect(sizes(expectReply(last))).toEqual([['Class A', 0], ['Class B', 0]]);
    expect(last.view.method.metric).toBe('cosine');
  });

  test('loadExampleSet: its classes replace the lab and its queries are classified, in one reply', async () => {
    const classes = await Promise.all(QUERIES.map(async (name, letter) => ({ name, images: await glyphs(letter, [0, 1, 2]) })));
    const queries = [await glyph(0, 12), await glyph(1, 12), await glyph(2, 12), await damaged('query.png')];
    const progress: number[] = [];
    last = expectReply(await engine.loadExampleSet({ classes, queries }, (done) => progress.push(done)));
    expect(sizes(last)).toEqual(BASSA);
    expect(progress.at(-1)).toBe(9);
    expect(verdictNames(last)).toEqual(QUERIES);
    expect(last.problems).toEqual([expect.stringMatching(/^query\.png could not be decoded/)]);
    expect(last.view.undo).toBeNull(); // the lab it replaced was empty
  });

  test('exportLab, then importLab: the same lab (the file exported again is identical), the queries classified again', async () => {
    const file = await text(await engine.exportLab());
    const saved = JSON.parse(file) as { format: string; version: number; classes: Array<{ examples: Array<{ embeddings: Record<string, string> }> }> };
    expect(saved).toMatchObject({ format: 'metric-atlas-lab', version: 2 });
    expect(Object.keys(saved.classes[0]!.examples[0]!.embeddings)).toEqual(['sketch-protonet']);
    expectReply(await engine.clear());
    last = expectReply(await engine.importLab(file, 'lab.json', noProgress));
    expect(last.view.undo).toBe('Undo “Import”');
    expect(sizes(last)).toEqual(BASSA);
    expect(verdictNames(last)).toEqual(QUERIES);
    expect(await text(await engine.exportLab())).toBe(file);
  });

  test('exportZip, then importZip: class folders and a manifest, opened as the same lab', async () => {
    const before = await text(await engine.exportLab());
    const zip = await engine.exportZip();
    const files = unzipSync(await bytesOf(zip));
    expect(Object.keys(files).sort()).toEqual(['manifest.json', ...QUERIES.flatMap((c) => [1, 2, 3].map((n) => `${c}/000${n}.png`))].sort());
    expectReply(await engine.clear());
    last = expectReply(await engine.importZip(zip, 'lab.zip', noProgress));
    expect(sizes(last)).toEqual(BASSA);
    expect(verdictNames(last)).toEqual(QUERIES);
    expect(await text(await engine.exportLab())).toBe(before);
  });

  test('exportClass: one folder of the class pictures, as kept', async () => {
    const zip = unzipSync(await bytesOf(await engine.exportClass(classNamed(last, 'Bassa B').id)));
    expect(Object.keys(zip)).toEqual(['Bassa B/0001.png', 'Bassa B/0002.png', 'Bassa B/0003.png']);
    const manifest = JSON.parse(await text(await engine.exportLab())) as { classes: Array<{ name: string; examples: Array<{ original: string }> }> };
    const originals = manifest.classes.find((c) => c.name === 'Bassa B')!.examples.map((e) => Buffer.from(e.original.split(',')[1]!, 'base64'));
    expect(Object.values(zip).map((bytes) => Buffer.from(bytes))).toEqual(originals);
    await expect(engine.exportClass('class-gone')).rejects.toThrow('no longer in the lab');
  });

  test('importZip of plain folders: a class per folder; a damaged picture and a non-picture are named, the rest kept', async () => {
    const [ring1, ring2, bar1, bar2, bad] = await Promise.all([madePicture('r1', 'ring'), madePicture('r2', 'ring'), madePicture('b1', 'bar'), madePicture('b2', 'bar', 'jpeg'), damaged('bad')]);
    const entries = { 'shapes/Ring/1.png': ring1, 'shapes/Ring/2.png': ring2, 'shapes/Ring/bad.png': bad, 'shapes/Bar/1.png': bar1, 'shapes/Bar/2.jpg': bar2 };
    const zip = zipSync({ ...Object.fromEntries(await Promise.all(Object.entries(entries).map(async ([path, p]) => [path, await bytesOf(p.source)]))), 'shapes/Bar/notes.txt': new TextEncoder().encode('not a picture') });
    last = expectReply(await engine.importZip(new Blob([zip]), 'shapes.zip', noProgress));
    expect(sizes(last)).toEqual([...BASSA, ['Bar', 2], ['Ring', 2]]);
    expect(last.problems).toEqual(['shapes/Bar/notes.txt in shapes.zip is not a picture (by its name), so it was left out.', expect.stringMatching(/^shapes\/Ring\/bad\.png could not be decoded/)]);
    expect(last.view.undo).toBe('Undo “Add classes from folders”');
    expect(last.verdicts.report!.predictions).toHaveLength(3);
  });

  test('stageFolderPictures in parts, then addStagedFolders: one class per folder, joined to one of the same name; undoable', async () => {
    const [d, e] = [await glyphs(3, [0, 1]), await glyphs(4, [0, 1, 2])];
    const part = (folder: string, pictures: typeof d) => pictures.map((p) => ({ folder, source: p.source, name: `${folder}/${p.name}` }));
    expect(await engine.stageFolderPictures(part('Letter D', d.slice(0, 1)))).toBe(1);
    expect(await engine.stageFolderPictures([...part('Letter D', d.slice(1)), ...part('Letter E', e), ...part('bassa a', [await glyph(0, 5)])])).toBe(5);
    const before = sizes(last);
    last = expectReply(await engine.addStagedFolders(noProgress));
    expect(sizes(last)).toEqual([['Bassa A', 4], ...before.slice(1), ['Letter D', 2], ['Letter E', 3]]);
    expect(last.problems).toEqual([]);
    expect(verdictNames(last)).toEqual(QUERIES);
    expect(last.view.undo).toBe('Undo “Add classes from folders”');
    last = expectReply(await engine.undo(noProgress));
    expect(sizes(last)).toEqual(before);
    expect(verdictNames(last)).toEqual(QUERIES);
  });

  test('addPickedFolder: the worker lists and reads a picked folder (its handle); a class per folder, a non-picture named', async () => {
    // The subset of FileSystemDirectoryHandle the worker uses (kind, name, values(), getFile()), as Node has none.
    const fileHandle = (name: string, blob: Blob) => ({ kind: 'file', name, getFile: async () => new File([blob], name, { type: blob.type }) });
    const folderHandle = (name: string, children: object[]) => ({ kind: 'directory', name, values: async function* () { yield* children; } });
    const [f, g] = [await glyphs(5, [0, 1]), await glyphs(6, [0])];
    const letters = folderHandle('letters', [
      folderHandle('Letter G', g.map((p) => fileHandle(p.name, p.source))),
      folderHandle('Letter F', [...f.map((p) => fileHandle(p.name, p.source)), fileHandle('notes.txt', new Blob(['x']))]),
    ]);
    const listed: number[] = [];
    const before = sizes(last);
    const { reply, classes } = await engine.addPickedFolder(letters as unknown as FileSystemDirectoryHandle, (n) => listed.push(n), noProgress);
    last = expectReply(reply);
    expect(classes).toBe(2);
    expect(sizes(last)).toEqual([...before, ['Letter F', 2], ['Letter G', 1]]);
    expect(last.problems).toEqual(['letters/Letter F/notes.txt is not a picture (by its name), so it was left out.']);
    expect(last.view.undo).toBe('Undo “Add classes from folders”');
    await expect(engine.addPickedFolder(folderHandle('empty', []) as unknown as FileSystemDirectoryHandle, () => {}, noProgress)).rejects.toThrow('No pictures were found in empty');
  });
});
