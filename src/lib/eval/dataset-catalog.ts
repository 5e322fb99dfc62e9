import { readFileSync } from 'node:fs';
import { DATASET_IDS, type DatasetId } from './datasets.ts';
import { loadFashionMnist, loadGlyphsHeldOut, loadPhotoCrops, loadPhotoKinds, loadPhotoKindsWide, type Dataset } from './datasets-node.ts';

/**
 * How each data set of the registry (datasets.ts) is read in Node: its images
 * (load) and its classes' names in order (for the Evaluation page's notes).
 * Adding a data set is one entry there and one here.
 */
export interface DatasetEntry {
  id: DatasetId;
  load(): Dataset;
  classNames(): string[];
}

const ROOT = new URL('../../../', import.meta.url);
const dir = (id: DatasetId) => new URL(`datasets/${id}/`, ROOT);
const index = (id: DatasetId) => JSON.parse(readFileSync(new URL('index.json', dir(id)), 'utf8'));

/** Fashion-MNIST's labels 0–9 (Xiao et al. 2017). */
const FASHION_MNIST_CLASSES = ['T-shirt/top', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];

export const DATASET_CATALOG: readonly DatasetEntry[] = [
  {
    id: 'glyphs-heldout',
    load: () => loadGlyphsHeldOut(dir('glyphs-heldout')),
    classNames: () => index('glyphs-heldout').scripts.flatMap((s: { letters: string[] }) => s.letters),
  },
  { id: 'fashion-mnist', load: () => loadFashionMnist(), classNames: () => FASHION_MNIST_CLASSES },
  {
    id: 'photo-crops',
    load: () => loadPhotoCrops(dir('photo-crops')),
    classNames: () => index('photo-crops').classes.map((c: { photo: string }) => c.photo.replaceAll('_', ' ')),
  },
  {
    id: 'photo-kinds',
    load: () => loadPhotoKinds(dir('photo-kinds')),
    classNames: () => index('photo-kinds').classes.map((c: { kind: string }) => c.kind),
  },
  {
    id: 'photo-kinds-wide',
    load: () => loadPhotoKindsWide(dir('photo-kinds-wide')),
    classNames: () => index('photo-kinds-wide').classes.map((c: { kind: string }) => c.kind),
  },
];

export function datasetEntry(id: string): DatasetEntry {
  const entry = DATASET_CATALOG.find((d) => d.id === id);
  if (!entry) throw new Error(`Unknown data set "${id}"; use ${DATASET_IDS.slice(0, -1).join(', ')} or ${DATASET_IDS.at(-1)}.`);
  return entry;
}
