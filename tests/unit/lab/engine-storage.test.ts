import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { LAB_CHANNEL } from '../../../src/lib/lab/lab-channel.ts';
import type { LabReply } from '../../../src/lib/lab/messages.ts';
import type { LabEngine } from '../../../src/lib/lab/worker/engine.ts';
import { classNamed, expectReply, glyphs, installWorkerGlobals, madePicture, newEngine, noProgress, sizes, startedEngine } from '../../helpers/lab-engine.ts';

/**
 * LabEngine in Node (issue 23): the faults of storage. Storage full (every
 * write refused, as IndexedDB refuses a transaction over quota), a reload in
 * the middle of a folder import, and the same lab open in two tabs (two
 * engines on one IndexedDB). Each time: nothing that was saved is lost, and
 * the reply says what was not saved.
 */
let engine: LabEngine;
let last: LabReply;
const id = (name: string, reply = last) => classNamed(reply, name).id;
/** What a reload would find: the saved lab's size, read by another engine. */
const savedSize = () => newEngine().peekSaved();
const full = () =>
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

beforeAll(installWorkerGlobals);
afterEach(() => vi.restoreAllMocks());
afterAll(() => vi.unstubAllGlobals());

describe('LabEngine: storage full', { timeout: 30_000 }, () => {
  test('a change saves before the reply, which says so', async () => {
    ({ engine, reply: last } = await startedEngine());
    last = expectReply(await engine.addExamples(id('Class A'), await glyphs(0, [0, 1])));
    expect(last.view.saving).toMatchObject({ unsaved: 0 });
    expect(last.view.saving.error).toBeUndefined();
    expect(await savedSize()).toEqual({ classes: 2, examples: 2 });
  });

  test('with storage full: the reply names how many pictures are not saved and why; what was saved stays, removals included', async () => {
    full();
    last = expectReply(await engine.addExamples(id('Class B'), await glyphs(1, [0, 1, 2])));
    expect(sizes(last)).toEqual([['Class A', 2], ['Class B', 3]]);
    expect(last.view.saving.unsaved).toBe(3);
    expect(last.view.saving.error).toMatch(/storage .* is full \(QuotaExceededError\)/);
    // A removal is not written either: the saver deletes nothing in a save that fails.
    last = expectReply(await engine.removeExample(last.view.classes[0]!.exampleIds[0]!));
    expect(last.view.saving.unsaved).toBe(3);
    expect(await savedSize()).toEqual({ classes: 2, examples: 2 });
  });

  test('with storage full, export still has every picture, and the lab keeps working in memory', async () => {
    full();
    const file = JSON.parse(await (await engine.exportLab()).text()) as { classes: Array<{ examples: unknown[] }> };
    expect(file.classes.map((c) => c.examples.length)).toEqual([1, 3]);
    last = expectReply(await engine.renameClass(id('Class B'), 'Letter B'));
    expect(last.view.saving.unsaved).toBe(3);
  });

  test('with room again, the next change saves everything; a reload finds it', async () => {
    last = expectReply(await engine.addClass('Class C'));
    expect(last.view.saving.unsaved).toBe(0);
    expect(last.view.saving.error).toBeUndefined();
    const { reply } = await startedEngine();
    expect(sizes(reply)).toEqual([['Class A', 1], ['Letter B', 3], ['Class C', 0]]);
  });
});

describe('LabEngine: a reload in the middle of a folder import', { timeout: 60_000 }, () => {
  const folder = async (n: number) => Promise.all(Array.from({ length: n }, (_, i) => madePicture(`shapes/${i % 2 ? 'bars' : 'rings'}/${i}.png`, i % 2 ? 'bar' : 'ring')));
  const stage = (target: LabEngine, pictures: Array<{ source: Blob; name: string }>) => target.stageFolderPictures(pictures.map((p) => ({ folder: p.name.split('/')[1]!, ...p })));

  test('the pictures added before the reload are kept, and the next start names how many files were not imported', async () => {
    ({ engine } = await startedEngine());
    await engine.clear();
    const pictures = await folder(130);
    await stage(engine, pictures);
    // The page goes away after 110 pictures (at the first progress it hears past them: progress is paced): nothing after that runs in this worker.
    await expect(engine.addStagedFolders((done) => { if (done >= 110) throw new Error('reloaded'); }, 'shapes')).rejects.toThrow('reloaded');
    const { engine: reloaded, reply } = await startedEngine();
    // Saved every 50 pictures: 100 kept, 30 named.
    expect(reply.view.classes.reduce((n, c) => n + c.exampleIds.length, 0)).toBe(100);
    expect(reply.view.saving.interrupted).toEqual({ folder: 'shapes', total: 130, missing: 30 });
    // Picked again: only the 30 not imported are added.
    await stage(reloaded, pictures);
    last = expectReply(await reloaded.addStagedFolders(noProgress, 'shapes'));
    expect(sizes(last)).toEqual([['rings', 65], ['bars', 65]]);
    expect(last.view.saving.interrupted).toBeUndefined();
    expect(await savedSize()).toEqual({ classes: 2, examples: 130 });
  });

  test('an interrupted import the visitor forgets is no longer offered at the next start, and what it added stays', async () => {
    ({ engine } = await startedEngine());
    await engine.clear();
    const pictures = await folder(130);
    await stage(engine, pictures);
    await expect(engine.addStagedFolders((done) => { if (done >= 60) throw new Error('reloaded'); }, 'shapes')).rejects.toThrow('reloaded');
    const { engine: reloaded, reply } = await startedEngine();
    // Saved every 50 pictures; progress is paced, so the page may have gone at 60 or a little later.
    const kept = reply.view.classes.reduce((n, c) => n + c.exampleIds.length, 0);
    expect([50, 100]).toContain(kept);
    expect(reply.view.saving.interrupted).toEqual({ folder: 'shapes', total: 130, missing: 130 - kept });
    last = expectReply(await reloaded.forgetInterruptedImport());
    expect(last.view.saving.interrupted).toBeUndefined();
    const { reply: again } = await startedEngine();
    expect(again.view.saving.interrupted).toBeUndefined();
    expect(sizes(again)).toEqual(sizes(reply));
    expect(await savedSize()).toEqual({ classes: 2, examples: kept });
  });
});

describe('LabEngine: two tabs on one lab', { timeout: 30_000 }, () => {
  let a: LabEngine;
  let b: LabEngine;
  let fromA: LabReply;
  let fromB: LabReply;
  const total = (reply: LabReply) => reply.view.classes.reduce((n, c) => n + c.exampleIds.length, 0);

  test('a tab that saves after another tab did takes that lab first, with its own new pictures: none is dropped', async () => {
    ({ engine: a, reply: fromA } = await startedEngine());
    fromA = await a.clear();
    fromA = await a.addExamples(id('Class A', fromA), await glyphs(0, [0, 1]));
    ({ engine: b, reply: fromB } = await startedEngine());
    expect(sizes(fromB)).toEqual([['Class A', 2], ['Class B', 0]]);
    fromA = await a.addExamples(id('Class B', fromA), await glyphs(1, [0]));
    fromB = await b.addExamples(id('Class A', fromB), await glyphs(0, [2, 3]));
    expect(sizes(fromB)).toEqual([['Class A', 4], ['Class B', 1]]);
    expect(fromB.view.saving).toMatchObject({ unsaved: 0, note: expect.stringContaining('saved in another tab') });
    expect(fromB.view.saving.note).toContain('The 2 pictures added here are kept');
    expect(await savedSize()).toEqual({ classes: 2, examples: 5 });
  });

  test('a removal made in one tab is not undone by the other', async () => {
    fromB = await b.removeExample(fromB.view.classes[0]!.exampleIds[0]!);
    fromA = await a.addExamples(id('Class B', fromA), await glyphs(1, [1]));
    expect(sizes(fromA)).toEqual([['Class A', 3], ['Class B', 2]]);
    expect(await savedSize()).toEqual({ classes: 2, examples: 5 });
  });

  test('a tab that hears the other’s saves (as the page does) takes them as they happen', async () => {
    const heard: LabReply[] = [];
    const channel = new BroadcastChannel(LAB_CHANNEL);
    const stamps: string[] = [];
    channel.onmessage = ({ data }) => void (stamps.push(data), b.follow(data).then((reply) => reply && heard.push(reply)));
    fromA = await a.addClass('Class C');
    fromA = await a.addExamples(id('Class C', fromA), await glyphs(2, [0, 1]));
    await vi.waitFor(() => expect(sizes(heard.at(-1)!)).toEqual([['Class A', 3], ['Class B', 2], ['Class C', 2]]));
    expect(heard.at(-1)!.view.saving.note).toContain('saved in another tab');
    expect(total(fromA)).toBe(7);
    // A save a tab wrote, or has taken, is nothing to take (the page hears its own worker's saves too).
    expect(await a.follow(stamps.at(-1)!)).toBeNull();
    expect(await b.follow(stamps.at(-1)!)).toBeNull();
    channel.close();
  });

  test('a tab’s own saves heard late (after a later save of its own, as after a long import) are not taken for another tab’s', async () => {
    const channel = new BroadcastChannel(LAB_CHANNEL);
    const stamps: string[] = [];
    channel.onmessage = ({ data }) => void stamps.push(data);
    fromA = await a.addClass('Class D');
    fromA = await a.addClass('Class E');
    await vi.waitFor(() => expect(stamps).toHaveLength(2));
    for (const stamp of stamps) expect(await a.follow(stamp)).toBeNull();
    // The class just added stays, and the next change saves in turn.
    fromA = await a.addClass('Class F');
    expect(fromA.view.classes.map((c) => c.name).slice(-3)).toEqual(['Class D', 'Class E', 'Class F']);
    expect(fromA.view.saving.note).toBeUndefined();
    channel.close();
  });
});
