import { describe, expect, test } from 'vitest';
import { exampleRecord, storedExample } from '../../../src/lib/lab/worker/stored-picture.ts';

/** Examples go to IndexedDB as bytes and type (WebKitGTK's worker aborts a transaction holding a Blob); labs saved with Blobs still open. */
describe('stored pictures', () => {
  const example = () => ({ original: new Blob([new Uint8Array([1, 2, 3, 250])], { type: 'image/jpeg' }), thumb: new Blob([new Uint8Array([9, 8])], { type: 'image/webp' }), embeddings: { m: new Float32Array([0.5, -1]) } });
  const bytes = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

  test('a record holds no Blob, and reads back as the same pictures, types and embeddings', async () => {
    const record = await exampleRecord(example());
    for (const picture of [record.original, record.thumb]) {
      expect(picture).not.toBeInstanceOf(Blob);
      expect((picture as { bytes: unknown }).bytes).toBeInstanceOf(ArrayBuffer);
    }
    const back = storedExample(structuredClone(record));
    expect([back.original.type, back.thumb.type]).toEqual(['image/jpeg', 'image/webp']);
    expect([await bytes(back.original), await bytes(back.thumb)]).toEqual([[1, 2, 3, 250], [9, 8]]);
    expect([...back.embeddings.m!]).toEqual([0.5, -1]);
  });

  test('an example saved with Blobs (before) reads as it was', async () => {
    const old = example();
    const back = storedExample(old);
    expect(back.original).toBe(old.original);
    expect(await bytes(back.thumb)).toEqual([9, 8]);
  });
});
