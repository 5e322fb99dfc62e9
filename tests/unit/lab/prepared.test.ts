import { describe, expect, test, vi } from 'vitest';
import type { LoadedModel } from '../../../src/lib/lab/worker/model.ts';
import { PreparedModels } from '../../../src/lib/lab/worker/prepared.ts';

/** A stand-in model: only its id and its embedder's dispose matter here. */
const model = (id: string) => ({ id, embedder: { dispose: vi.fn(async () => {}) } }) as unknown as LoadedModel;

/** An opener whose every call is recorded and answered when the test says (with progress reported first). */
function controlledOpener() {
  const calls: Array<{ modelId: string; progress: (done: number, total: number) => void; resolve: (m: LoadedModel) => void; reject: (e: Error) => void }> = [];
  const opener = vi.fn((_base: string, modelId: string, _backend: string, progress: (done: number, total: number) => void) => new Promise<LoadedModel>((resolve, reject) => calls.push({ modelId, progress, resolve, reject })));
  return { opener, calls };
}

describe('PreparedModels', () => {
  test('a request for the prepared model takes it, with where the download stood and its progress from then on', async () => {
    const { opener, calls } = controlledOpener();
    const prepared = new PreparedModels(opener);
    prepared.prepare('/', 'photo', 'auto');
    prepared.prepare('/', 'photo', 'auto');
    expect(opener).toHaveBeenCalledTimes(1);
    calls[0]!.progress(10, 100);
    const seen: Array<[number, number]> = [];
    const opened = prepared.open('/', 'photo', 'auto', (done, total) => seen.push([done, total]));
    calls[0]!.progress(100, 100);
    calls[0]!.resolve(model('photo'));
    expect((await opened).id).toBe('photo');
    expect(seen).toEqual([[10, 100], [100, 100]]);
    expect(opener).toHaveBeenCalledTimes(1);
  });

  test('a preparation that failed is opened afresh by the request, with its own progress and errors', async () => {
    const { opener, calls } = controlledOpener();
    const prepared = new PreparedModels(opener);
    prepared.prepare('/', 'photo', 'auto');
    calls[0]!.reject(new Error('HTTP 404'));
    const opened = prepared.open('/', 'photo', 'auto', () => {});
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.reject(new Error('photo: the model file could not be downloaded'));
    await expect(opened).rejects.toThrow('could not be downloaded');
  });

  test('another model or backend is opened afresh; a model prepared and not taken is let go', async () => {
    const { opener, calls } = controlledOpener();
    const prepared = new PreparedModels(opener);
    prepared.prepare('/', 'photo', 'auto');
    const first = model('photo');
    calls[0]!.resolve(first);
    const opened = prepared.open('/', 'photo', 'wasm', () => {});
    expect(calls.map((c) => c.modelId)).toEqual(['photo', 'photo']);
    calls[1]!.resolve(model('photo'));
    expect(await opened).not.toBe(first);
    prepared.prepare('/', 'sketch', 'auto');
    await vi.waitFor(() => expect(first.embedder.dispose).toHaveBeenCalled());
  });
});
