import { createStore } from 'idb-keyval';
import { describe, expect, test, vi } from 'vitest';
import { exampleRecord, keepsBlobs, storedExample } from '../../../src/lib/lab/worker/stored-picture.ts';
import { installWorkerGlobals } from '../../helpers/lab-engine.ts';

/** Examples go to IndexedDB as Blobs where it keeps them, else as bytes and type (WebKitGTK's worker aborts a transaction holding a Blob); both read back. */
describe('stored pictures', () => {
  const example = () => ({ original: new Blob([new Uint8Array([1, 2, 3, 250])], { type: 'image/jpeg' }), thumb: new Blob([new Uint8Array([9, 8])], { type: 'image/webp' }), embeddings: { m: new Float32Array([0.5, -1]) } });
  const bytes = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

  test('where Blobs are not kept, a record holds no Blob, and reads back as the same pictures, types and embeddings', async () => {
    const record = await exampleRecord(example(), false);
    for (const picture of [record.original, record.thumb]) {
      expect(picture).not.toBeInstanceOf(Blob);
      expect((picture as { bytes: unknown }).bytes).toBeInstanceOf(ArrayBuffer);
    }
    const back = storedExample(structuredClone(record));
    expect([back.original.type, back.thumb.type]).toEqual(['image/jpeg', 'image/webp']);
    expect([await bytes(back.original), await bytes(back.thumb)]).toEqual([[1, 2, 3, 250], [9, 8]]);
    expect([...back.embeddings.m!]).toEqual([0.5, -1]);
  });

  test('where Blobs are kept, the example is stored as it is (read back, its pictures stay handles, not bytes in memory)', async () => {
    const kept = example();
    expect(await exampleRecord(kept, true)).toBe(kept);
  });

  test('whether Blobs are kept is asked of IndexedDB: a put that aborts the transaction (as WebKitGTK’s worker does) says no', async () => {
    installWorkerGlobals();
    expect(await keepsBlobs(createStore('probe-db', 'probe'))).toBe(true);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      this.transaction.abort();
      return {} as IDBRequest<IDBValidKey>;
    });
    expect(await keepsBlobs(createStore('probe-db-2', 'probe'))).toBe(false);
    vi.restoreAllMocks();
  });

  test('an example saved with Blobs reads as it was', async () => {
    const old = example();
    const back = storedExample(old);
    expect(back.original).toBe(old.original);
    expect(await bytes(back.thumb)).toEqual([9, 8]);
  });
});
