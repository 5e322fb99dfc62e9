import { afterEach, describe, expect, test, vi } from 'vitest';
import { earlyPhotoModel } from '../../../src/lib/lab/page/early-photo-model.ts';
import type { LabPage } from '../../../src/lib/lab/page/lab-page.ts';
import { modelOfKind } from '../../../src/lib/models/catalog.ts';

const PHOTO = modelOfKind('photo');
const SKETCH = modelOfKind('sketch');

/** A lab page with the worker's prepare recorded, and a site whose presets.json answers (each fetch counted). */
function setup(started = false) {
  const prepare = vi.fn(async () => {});
  const page = { base: '/', started: () => started, backend: () => 'auto', engine: () => ({ prepare }) } as unknown as LabPage;
  const fetched: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    if (url.endsWith('presets.json')) return new Response(JSON.stringify({ presets: [{ id: 'things', model: PHOTO, title: 'Things', credit: '', classes: [], queries: [] }] }));
    return new Response('', { status: 404 });
  });
  const select = { value: SKETCH } as HTMLSelectElement;
  return { early: earlyPhotoModel(page, select), select, prepare, fetched };
}

afterEach(() => vi.unstubAllGlobals());

describe('earlyPhotoModel', () => {
  test('the photo model chosen: the worker prepares it and its example set is fetched once, then taken by the click', async () => {
    const { early, select, prepare, fetched } = setup();
    early.prepare();
    expect(prepare).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);
    select.value = PHOTO;
    early.prepare();
    early.prepare();
    expect(prepare).toHaveBeenCalledWith('/', PHOTO, 'auto');
    const set = await early.exampleSet(PHOTO);
    expect(set.title).toBe('Things');
    expect(fetched.filter((u) => u.endsWith('presets.json'))).toHaveLength(1);
    await early.exampleSet(PHOTO);
    expect(fetched.filter((u) => u.endsWith('presets.json'))).toHaveLength(2);
  });

  test('nothing early once the lab has started, nor for a set named by its id', async () => {
    const { early, select, prepare, fetched } = setup(true);
    select.value = PHOTO;
    early.prepare();
    expect(prepare).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);
    await early.exampleSet(PHOTO, 'textures').catch(() => undefined);
    expect(fetched[0]).toBe('/lab/presets.json');
  });
});
