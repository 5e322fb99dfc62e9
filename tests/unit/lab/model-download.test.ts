import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { downloadModel, sha256Hex } from '../../../src/lib/lab/worker/download.ts';

/**
 * The worker's model download (issue 23, item 4) against a stubbed site: a
 * 404, a cut connection and a cut-short file are tried again, then named; a
 * file that is not its card's is refused at once, by the model's name.
 */
const ROOT = new URL('../../../', import.meta.url);
const ID = 'sketch-protonet';
const CARD = readFileSync(new URL(`models/${ID}/card.json`, ROOT), 'utf8');
const MODEL = new Uint8Array(readFileSync(new URL(`models/${ID}/model.onnx`, ROOT)));
const NO_WAIT = [0, 0];

type Fault = '404' | 'cut' | 'short' | 'cut mid-body' | 'changed' | null;

/** Serves the sketch model's card and file; the file's requests get `faults` in turn, then the file. */
function site(faults: Fault[], card = CARD) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    if (url.endsWith('card.json')) return new Response(card);
    const fault = faults.shift() ?? null;
    if (fault === '404') return new Response('Not found', { status: 404, statusText: 'Not Found' });
    if (fault === 'cut') throw new TypeError('Failed to fetch');
    if (fault === 'short') return new Response(MODEL.slice(0, 1000), { headers: { 'Content-Length': '1000' } });
    if (fault === 'changed') return new Response(MODEL.map((b, i) => (i === 500 ? b ^ 1 : b)));
    if (fault === 'cut mid-body') {
      const body = new ReadableStream({ start: (c) => (c.enqueue(MODEL.slice(0, 4096)), c.error(new TypeError('network error'))) });
      return new Response(body);
    }
    return new Response(MODEL);
  });
  return { modelRequests: () => requests.filter((u) => u.endsWith('model.onnx')).length };
}

afterEach(() => vi.unstubAllGlobals());

describe('downloadModel', () => {
  test('returns the card and the file’s bytes, with progress against the card’s size', async () => {
    site([]);
    const progress: Array<[number, number]> = [];
    const { bytes, card } = await downloadModel('/', ID, (done, total) => progress.push([done, total]), NO_WAIT);
    expect(bytes).toEqual(MODEL);
    expect(card.file!.sha256).toBe(await sha256Hex(MODEL));
    expect(progress.at(-1)).toEqual([MODEL.length, MODEL.length]);
  });

  test.each<[string, Fault[]]>([
    ['a 404', ['404']],
    ['a cut connection', ['cut', 'cut']],
    ['a connection cut mid-body', ['cut mid-body']],
    ['a cut-short file', ['short']],
  ])('tries again after %s, and gets the file', async (_, faults) => {
    const { modelRequests } = site([...faults]);
    expect((await downloadModel('/', ID, () => {}, NO_WAIT)).bytes).toEqual(MODEL);
    expect(modelRequests()).toBe(faults.length + 1);
  });

  test.each<[string, Fault, RegExp]>([
    ['HTTP 404', '404', /^Sketch ProtoNet: the model file could not be downloaded \(HTTP 404 Not Found\), after 3 tries\.$/],
    ['the connection', 'cut', /^Sketch ProtoNet: the model file could not be downloaded \(the connection failed: Failed to fetch\), after 3 tries\.$/],
    ['a cut-short file', 'short', /^Sketch ProtoNet: the model file could not be downloaded \(the file stopped at 1,000 of 1,260,142 bytes\), after 3 tries\.$/],
  ])('gives up after three tries, naming the model and what failed (%s)', async (_, fault, message) => {
    const { modelRequests } = site([fault, fault, fault]);
    await expect(downloadModel('/', ID, () => {}, NO_WAIT)).rejects.toThrow(message);
    expect(modelRequests()).toBe(3);
  });

  test('refuses a file that does not match its card, by name, without trying again', async () => {
    const { modelRequests } = site(['changed']);
    await expect(downloadModel('/', ID, () => {}, NO_WAIT)).rejects.toThrow(/^Sketch ProtoNet: the downloaded file does not match its card \(SHA-256 [0-9a-f]{12}… of 1,260,142 bytes, where the card says 12a34fc1cfbf… of 1,260,142\), so it was not run\.$/);
    expect(modelRequests()).toBe(1);
  });

  test('a card with no file check (none of the site’s) takes the bytes as they come', async () => {
    const { file: _file, ...card } = JSON.parse(CARD);
    site(['changed'], JSON.stringify(card));
    expect((await downloadModel('/', ID, () => {}, NO_WAIT)).bytes).toHaveLength(MODEL.length);
  });

  test('a card that is not valid is named and not tried again', async () => {
    site([], JSON.stringify({ ...JSON.parse(CARD), input: {} }));
    await expect(downloadModel('/', ID, () => {}, NO_WAIT)).rejects.toThrow(/^sketch-protonet: The model card is not valid — input\./);
  });

  test('waits longer before each try', async () => {
    site(['404', '404']);
    const started = performance.now();
    await downloadModel('/', ID, () => {}, [40, 120]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });
});
