import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { THUMBS_PER_MESSAGE } from '../../../src/lib/lab/worker/views.ts';
import { classNamed, expectReply, glyphs, installWorkerGlobals, startedEngine } from '../../helpers/lab-engine.ts';

/**
 * Thumbnails travel once, and a few hundred at most per message (issue 23: a
 * 10,000-picture folder's view once cloned 10,000 Blobs in one task on the page).
 */
beforeAll(installWorkerGlobals);
afterAll(() => vi.unstubAllGlobals());

test('a view sends at most THUMBS_PER_MESSAGE new thumbnails; the page asks for the rest, and none comes twice', { timeout: 60_000 }, async () => {
  const { engine, reply } = await startedEngine();
  const many = THUMBS_PER_MESSAGE + 50;
  const pictures = (await glyphs(0, Array.from({ length: 16 }, (_, i) => i))).flatMap((p) => Array.from({ length: Math.ceil(many / 16) }, () => p)).slice(0, many);
  const added = expectReply(await engine.addExamples(classNamed(reply, 'Class A').id, pictures));
  const examples = classNamed(added, 'Class A').exampleIds;
  expect(examples).toHaveLength(many);
  expect(examples.filter((id) => added.view.thumbs.has(id))).toHaveLength(THUMBS_PER_MESSAGE);
  expect(added.view.thumbs.size).toBe(THUMBS_PER_MESSAGE);
  const left = examples.filter((id) => !added.view.thumbs.has(id));
  const asked = engine.thumbnails([...left, 'no-such-example']);
  expect(asked.slice(0, -1).every((blob) => blob instanceof Blob && blob.size > 0)).toBe(true);
  expect(asked.at(-1)).toBeNull();
  // Everything is with the page now: the next view carries no thumbnail at all.
  const next = expectReply(await engine.addClass('Class C'));
  expect(next.view.thumbs.size).toBe(0);
});
