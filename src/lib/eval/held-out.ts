import { modelOfKind, RAW_PIXELS_MODEL, RETIRED_MODEL_IDS } from '../models/catalog.ts';
import { datasetEntry } from './dataset-catalog.ts';
import { datasetInfo, isDatasetId, splitClasses, type DatasetId, type DatasetInfo, type Split } from './datasets.ts';

/**
 * For each group of rows on the Evaluation page: which classes the rows were
 * measured on, what was chosen on the data set's other classes, and how the
 * model's training relates to the data set. The classes come from the rows
 * themselves (`classes`, written by the script that measured them) and the
 * data set's split rule in its registry (datasets.ts), with the data sets' own
 * class names (dataset-catalog.ts); what was chosen where, and what each model
 * was trained on, are stated once per data set and once per model below, from
 * the model cards (models/<id>/README.md).
 */

/** What was chosen on a data set's classes, for which models: the validation (even-numbered) ones, or all of them. */
interface Choice {
  models: readonly string[];
  on: 'validation' | 'all';
  what: string;
  /** Where it was done, or the card that says so. */
  where: string;
}

const SKETCH = modelOfKind('sketch');
const PHOTO = modelOfKind('photo');
const [RETIRED_PHOTO] = RETIRED_MODEL_IDS;
const OBJECTRON_BRANCH = 'adding objectron’s Conv_1 as a third branch, at 224 px, and storing its kernels in 8 bits';

const CHOICES: Record<DatasetId, readonly Choice[]> = {
  'glyphs-heldout': [
    { models: [SKETCH], on: 'validation', what: `${SKETCH} v2’s architecture and training schedule`, where: `training/heldout.py, models/${SKETCH}/README.md` },
    { models: [SKETCH], on: 'validation', what: 'its card’s temperatures and thresholds', where: 'npm run fit:calibration' },
  ],
  'fashion-mnist': [],
  'photo-crops': [
    { models: [PHOTO], on: 'validation', what: 'combining the MobileNetV2 vector with the CenterNet taps', where: 'scripts/compare-photo-features.ts' },
    { models: [PHOTO, RETIRED_PHOTO], on: 'all', what: 'which CenterNet stages are averaged, the taps', where: `models/${RETIRED_PHOTO}/README.md` },
  ],
  'photo-kinds': [
    { models: [PHOTO], on: 'validation', what: 'combining the MobileNetV2 vector with the CenterNet taps', where: 'scripts/compare-photo-features.ts' },
    { models: [PHOTO], on: 'validation', what: OBJECTRON_BRANCH, where: 'scripts/compare-photo-candidates.ts' },
    { models: [PHOTO], on: 'validation', what: 'its card’s temperatures and thresholds', where: 'npm run fit:calibration' },
  ],
  // Its validation kinds hold every stamp of photo-kinds' validation kinds it uses (tests/unit/photo-kinds-wide.test.ts), so what those chose was chosen on these validation kinds too.
  'photo-kinds-wide': [
    {
      models: [PHOTO],
      on: 'validation',
      what: 'combining the MobileNetV2 vector with the CenterNet taps, and its card’s temperatures and thresholds, on photo-kinds’ validation kinds, whose stamps this set uses only in its own validation kinds',
      where: 'scripts/compare-photo-features.ts, npm run fit:calibration',
    },
    { models: [PHOTO], on: 'validation', what: OBJECTRON_BRANCH, where: 'scripts/compare-photo-candidates.ts' },
  ],
};

/** What each model was trained on, and which data set's classes its training kept out on purpose. */
interface ModelFacts {
  domain: DatasetInfo['domain'] | 'none';
  /** "a network trained on …", for another domain. */
  trainedOn: string;
  /** Pretrained on ImageNet, COCO and Open Images (a data set's inPretraining applies). */
  pretrained?: boolean;
  /** Held out of training on purpose, per data set. */
  heldOut?: Partial<Record<DatasetId, string>>;
}

const PHOTO_FACTS: ModelFacts = { domain: 'photographs', trainedOn: 'networks trained on photographs (ImageNet, COCO, Open Images)', pretrained: true };
const MODELS: Record<string, ModelFacts> = {
  [SKETCH]: {
    domain: 'letters',
    trainedOn: 'a network trained on rendered letters only',
    heldOut: {
      'glyphs-heldout':
        'The set’s 39 writing systems (all 1,637 letters) were kept out of training whole, as Omniglot’s evaluation alphabets are: the network never saw them. They are drawn from the same fonts, with the same synthetic pen variations, as the training letters.',
    },
  },
  [PHOTO]: PHOTO_FACTS,
  [RETIRED_PHOTO]: { ...PHOTO_FACTS, trainedOn: 'a detector’s backbone trained on photographs (ImageNet, COCO)' },
  [RAW_PIXELS_MODEL.id]: { domain: 'none', trainedOn: '' },
};

/** "a, b and c"; "a; b; and c" when a name has a comma of its own. */
function list(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  const semicolons = items.some((i) => i.includes(','));
  return `${items.slice(0, -1).join(semicolons ? '; ' : ', ')}${semicolons ? ';' : ''} and ${items.at(-1)}`;
}
const count = (n: number) => n.toLocaleString('en-GB');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Which classes a split keeps, by the data set's split rule (what the evaluation runs), with their names where there are few. */
export function classesSentence(dataset: DatasetId, classes: 'all' | Split): string {
  const facts = datasetInfo(dataset);
  const names = datasetEntry(dataset).classNames();
  if (classes === 'all') return `All ${count(names.length)} ${facts.noun} of this set.`;
  const kept = splitClasses(names.map((_, i) => [i]), classes, facts.split).map(([i]) => names[i!]!);
  const which = `${facts.split.words[classes]} (${classes})`;
  return `${capitalised(classes)} ${facts.noun} only: the ${count(kept.length)} ${which} ${facts.noun} of ${count(names.length)}${kept.length <= 12 ? ` (${list(kept)})` : ''}.`;
}

/**
 * The note for a model's rows on a data set, measured on `classes`
 * (the rows' own field). Throws for a model or data set it knows nothing
 * about, so a new one cannot appear on the page without its note.
 */
export function heldOutNote(model: string, dataset: string, classes: 'all' | Split): string {
  if (!isDatasetId(dataset)) throw new Error(`The Evaluation page knows nothing about the data set ${dataset}: add it to src/lib/eval/held-out.ts.`);
  const facts = MODELS[model];
  if (!facts) throw new Error(`The Evaluation page knows nothing about how ${model} was trained: add it to src/lib/eval/held-out.ts.`);
  const data = datasetInfo(dataset);
  const sentences = [classesSentence(dataset, classes)];

  const choices = CHOICES[dataset].filter((c) => c.models.includes(model));
  const chosen = (on: Choice['on']) => list(choices.filter((c) => c.on === on).map((c) => `${c.what} (${c.where})`));
  if (choices.some((c) => c.on === 'validation')) {
    const rows = classes === 'test' ? 'which these rows leave out' : 'which these rows include, so they are optimistic';
    sentences.push(`Chosen on the ${data.split.words.validation} (validation) ${data.noun}, ${rows}: ${chosen('validation')}.`);
  }
  if (choices.some((c) => c.on === 'all')) {
    sentences.push(`Chosen on all the ${data.noun} of this set, these rows’ included, so these numbers are somewhat optimistic: ${chosen('all')}.`);
  }
  if (model === RAW_PIXELS_MODEL.id) {
    sentences.push('No network and nothing trained: the preprocessed pixels are the embedding; this is the floor.');
    return sentences.join(' ');
  }
  if (choices.length === 0) sentences.push(`Nothing about ${model} was chosen on this set.`);

  const heldOut = facts.heldOut?.[dataset];
  if (heldOut) sentences.push(heldOut);
  else if (facts.pretrained && data.inPretraining) sentences.push(`Not held out from pretraining: ${data.inPretraining}.`);
  else if (facts.domain !== data.domain) sentences.push(`Not a held-out split but another domain: ${facts.trainedOn}, never on ${data.domain}.`);
  else if (data.sameDomain) sentences.push(data.sameDomain);
  return sentences.join(' ');
}
