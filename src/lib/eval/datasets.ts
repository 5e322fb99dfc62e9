/**
 * The one registry of the evaluation data sets: their ids (the results files
 * and the schemas take them from here), what they are, and how their classes
 * split between choosing things (validation) and reporting (test). Browser-safe;
 * how each is read in Node is dataset-catalog.ts.
 */
export type Split = 'validation' | 'test';

/** How a data set's classes split, by their number in the data set's order. */
export interface ClassSplit {
  keeps(index: number, split: Split): boolean;
  /** How a sentence names each split's classes. */
  words: Readonly<Record<Split, string>>;
}

/** Even-numbered classes validate (settings are chosen there), odd-numbered ones test (the Evaluation page reports them). */
export const ALTERNATE_CLASSES: ClassSplit = {
  keeps: (index, split) => index % 2 === (split === 'validation' ? 0 : 1),
  words: { validation: 'even-numbered', test: 'odd-numbered' },
};

export interface DatasetInfo {
  id: string;
  label: string;
  /** Where it comes from, as a citation. */
  source: string;
  /** What a class is, plural. */
  noun: string;
  /** What its pictures are, for "never on …". */
  domain: 'letters' | 'clothing' | 'photographs';
  split: ClassSplit;
  /** For a photo network: what its pretraining data share with this set; absent when nothing does. */
  inPretraining?: string;
  /** For a network of this set's domain that nothing above covers. */
  sameDomain?: string;
}

const PRETRAINED_ON = 'ImageNet, COCO and Open Images, which the photo networks were trained on,';

export const DATASETS = [
  { id: 'glyphs-heldout', label: 'Held-out glyphs', source: 'rendered here from Debian’s fonts (training/export_eval.py)', noun: 'letters', domain: 'letters', split: ALTERNATE_CLASSES },
  {
    id: 'fashion-mnist',
    label: 'Fashion-MNIST',
    source: 'Fashion-MNIST (Xiao et al., 2017), its test set',
    noun: 'classes',
    domain: 'clothing',
    split: ALTERNATE_CLASSES,
    inPretraining: `${PRETRAINED_ON} contain clothing, shoes and bags, the kinds of classes Fashion-MNIST has`,
  },
  {
    id: 'photo-crops',
    label: 'Photo crops',
    source: 'scikit-image’s sample photographs, CC0 or public domain (training/export_photo_crops.py)',
    noun: 'photographs',
    domain: 'photographs',
    split: ALTERNATE_CLASSES,
    sameDomain: 'A class is one photograph (crops of it), which no network here was trained to tell apart.',
  },
  {
    id: 'photo-kinds',
    label: 'Photo kinds',
    source: 'Tux Paint’s photo stamps, GPL-2 (training/export_photo_kinds.py)',
    noun: 'kinds',
    domain: 'photographs',
    split: ALTERNATE_CLASSES,
    inPretraining: `${PRETRAINED_ON} hold most of these kinds of thing`,
  },
  {
    id: 'photo-kinds-wide',
    label: 'Photo kinds, wide',
    source: 'Tux Paint’s photo stamps, all the photographic ones, GPL-2 or later (training/export_photo_kinds_wide.py)',
    noun: 'kinds',
    domain: 'photographs',
    split: ALTERNATE_CLASSES,
    inPretraining: `${PRETRAINED_ON} hold most of these kinds of thing`,
  },
] as const satisfies readonly DatasetInfo[];

export type DatasetId = (typeof DATASETS)[number]['id'];
export const DATASET_IDS: readonly DatasetId[] = DATASETS.map((d) => d.id);

export function isDatasetId(value: unknown): value is DatasetId {
  return DATASET_IDS.includes(value as DatasetId);
}

export function datasetInfo(id: DatasetId): DatasetInfo {
  return DATASETS.find((d) => d.id === id)!;
}

/** The classes (lists of image numbers) of one split, by `rule` (a data set's is in its registry entry: classesOf). */
export function splitClasses(byClass: readonly number[][], split: Split, rule: ClassSplit): number[][] {
  return byClass.filter((_, c) => rule.keeps(c, split));
}

/** A data set's classes of one split, by its registry's rule. */
export function classesOf(dataset: { name: string; byClass: readonly number[][] }, split: Split): number[][] {
  if (!isDatasetId(dataset.name)) throw new Error(`Unknown data set "${dataset.name}"; use one of ${DATASET_IDS.join(', ')}.`);
  return splitClasses(dataset.byClass, split, datasetInfo(dataset.name).split);
}
