/**
 * Candidates for the photo model's features (issue 24, item 2), measured on
 * VALIDATION kinds only (photo-kinds-wide's and photo-kinds' even-numbered
 * kinds) against today's embedding, paired on the same seeded episodes
 * (src/lib/eval/paired.ts). Built from the shipped graph's two raw branches
 * (scripts/photo-candidates/branches.ts), so nothing about the shipped model
 * changes:
 *   flip        the picture and its mirror, embeddings averaged
 *   crops       the picture and five 87.5 % crops (centre, four corners), averaged
 *   tukey       x^0.5 on the non-negative MobileNetV2 branch before its L2
 *   base-cl2n   centred on a fixed base mean (photographs outside every
 *               evaluation set: training/export_photo_base.py), then L2
 *   192px       the picture at 192 × 192 instead of 224 × 224
 *   +nanodet…   a third branch, L2-normalised on its own: NanoDet's pooled
 *   +objectron… neck / backbone taps, or objectron's SSD MobileNetV2 taps
 *               (scripts/photo-candidates/extra-branches.ts; "… alone" without
 *               today's two branches). Named in CANDIDATES only: they need
 *               training/convert_nanodet.py's and convert_objectron.py's graphs
 * and combinations. Every candidate is classified as the lab does by default
 * (euclidean distance, L2 normalisation, no refinement); today's embedding
 * with the kernels' episode-centred 'cl2n' is printed for reference.
 *
 *   python3 training/convert_nsfwjs.py && python3 training/photo_input_size.py && python3 training/export_photo_base.py
 *   node scripts/compare-photo-candidates.ts
 *   SPLIT=test CANDIDATES=today,base-cl2n DATASETS=photo-kinds-wide,photo-kinds,photo-crops node scripts/compare-photo-candidates.ts
 *   CANDIDATES='today,+nanodet,+objectron,+objectron uint8' node scripts/compare-photo-candidates.ts   (graphs: see
 *                             models/photo-mobilenetv2-centernet-objectron/README.md, "A third branch")
 *   MAX_CLASSES=200 …         only the split's first 200 classes (for glyphs-heldout)
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { sheetCell } from '../src/lib/images/crop.ts';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import type { Normalization } from '../src/lib/kernels/index.ts';
import type { Pixels } from '../src/lib/models/pixels.ts';
import { loadDataset } from '../src/lib/eval/node.ts';
import { evaluateEpisodes } from '../src/lib/eval/run.ts';
import { splitDataset } from '../src/lib/eval/session-episodes.ts';
import { pairedDifference } from '../src/lib/eval/paired.ts';
import { CENTERNET, joinBranches, loadBranchModel, MOBILENET } from './photo-candidates/branches.ts';
import { EXTRA_TAPS, joinTaps, l2Rows, loadExtraBranches, sideBySide, widthOf, type Network } from './photo-candidates/extra-branches.ts';
import { CROPS, type View } from './photo-candidates/views.ts';

interface Candidate {
  views: readonly View[];
  size: number;
  tukey: boolean;
  centre: boolean;
  normalize?: Normalization;
  /** Another network's branch: these taps at this input size, beside today's branches or (alone) instead of them. */
  extra?: { network: Network; taps: readonly string[]; size: number; alone?: boolean };
}
const today: Candidate = { views: ['full'], size: 224, tukey: false, centre: false };
const CANDIDATES: Record<string, Candidate> = {
  today,
  'today, episode cl2n': { ...today, normalize: 'cl2n' },
  flip: { ...today, views: ['full', 'flip'] },
  crops: { ...today, views: ['full', ...CROPS] },
  'flip+crops': { ...today, views: ['full', 'flip', ...CROPS] },
  tukey: { ...today, tukey: true },
  'base-cl2n': { ...today, centre: true },
  '192px': { ...today, size: 192 },
  'tukey+flip': { ...today, views: ['full', 'flip'], tukey: true },
  'tukey+base-cl2n': { ...today, tukey: true, centre: true },
  'flip+base-cl2n': { ...today, views: ['full', 'flip'], centre: true },
  'tukey+flip+base-cl2n': { ...today, views: ['full', 'flip'], tukey: true, centre: true },
};
const NECK = ['neck8', 'neck16', 'neck32'];
const extra = (network: Network, taps: readonly string[], size = 224, alone = false): Candidate => ({ ...today, extra: { network, taps, size, alone } });
const EXTRA: Record<string, Candidate> = {
  'nanodet alone': extra('nanodet', NECK, 224, true),
  'nanodet@416 alone': extra('nanodet', NECK, 416, true),
  '+nanodet': extra('nanodet', NECK),
  '+nanodet@416': extra('nanodet', NECK, 416),
  ...Object.fromEntries(Object.keys(EXTRA_TAPS.nanodet).map((t) => [`+nanodet ${t}`, extra('nanodet', [t])])),
  '+nanodet all': extra('nanodet', Object.keys(EXTRA_TAPS.nanodet)),
  'objectron alone': extra('objectron', ['conv1'], 224, true),
  'objectron@300 alone': extra('objectron', ['conv1'], 300, true),
  '+objectron': extra('objectron', ['conv1']),
  '+objectron@300': extra('objectron', ['conv1'], 300),
  '+objectron expand13': extra('objectron', ['expand13']),
  '+objectron both': extra('objectron', ['conv1', 'expand13']),
  '+objectron uint8': extra('objectron-uint8', ['conv1']),
};
const TODAY_DIM = MOBILENET + CENTERNET;
const dimOf = (c: Candidate) => (c.extra?.alone ? 0 : TODAY_DIM) + (c.extra ? widthOf(c.extra.network, c.extra.taps) : 0);
const SPLIT = process.env.SPLIT === 'test' ? 'test' : 'validation';
const EPISODES = Number(process.env.EPISODES ?? 600);
const DATASETS = (process.env.DATASETS ?? 'photo-kinds-wide,photo-kinds').split(',');
const chosen = process.env.CANDIDATES?.split(',') ?? Object.keys(CANDIDATES);
Object.assign(CANDIDATES, EXTRA);
for (const name of chosen) if (!CANDIDATES[name]) throw new Error(`No candidate "${name}"; there are: ${Object.keys(CANDIDATES).join(', ')}.`);
// The first candidate is the reference the others are paired with (today's embedding unless CANDIDATES says otherwise).
const reference = chosen[0]!;
/** At most this many classes of a data set's split (glyphs-heldout's 818 test letters would take an hour of embedding per view). */
const MAX_CLASSES = Number(process.env.MAX_CLASSES ?? Infinity);

function basePictures(): Pixels[] {
  const dir = new URL('../training/cache/photo-base/', import.meta.url);
  const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
  const sheet = PNG.sync.read(readFileSync(new URL('photos.png', dir)));
  return Array.from({ length: index.count }, (_, i) => sheetCell(sheet, index.cell, Math.floor(i / index.columns), i % index.columns));
}

const kernels = await loadKernelsInNode();
const model = await loadBranchModel();
const extraBranches = loadExtraBranches();
const base = basePictures();
console.log(`shipped graph vs its branches joined here (224 px, 8 base photographs): max |Δ| = ${(await model.check(base.slice(0, 8))).toExponential(2)}`);

/** One view's branches, each L2-normalised, side by side: today's two, another network's taps, or both. */
async function embedView(key: string, pictures: readonly Pixels[], view: View, c: Candidate): Promise<Float32Array> {
  const rows = pictures.length;
  const todays = c.extra?.alone ? new Float32Array(0) : joinBranches(await model.branches(key, pictures, view, c.size), c.tukey ? Math.sqrt : (x) => x);
  if (!c.extra) return todays;
  const { network, taps, size } = c.extra;
  const joined = joinTaps(network, await extraBranches.taps(network, key, pictures, view, size), taps, rows);
  return sideBySide(todays, l2Rows(joined, widthOf(network, taps)), rows);
}

/** A candidate's embeddings of these pictures: each view's joined branches, averaged over the views, centred on the base mean if asked. */
async function embed(key: string, pictures: readonly Pixels[], c: Candidate): Promise<Float32Array> {
  const dim = dimOf(c);
  const out = new Float32Array(pictures.length * dim);
  for (const view of c.views) {
    const joined = await embedView(key, pictures, view, c);
    for (let i = 0; i < out.length; i++) out[i]! += joined[i]! / c.views.length;
  }
  if (c.centre) {
    const mean = meanRow(await embed('base', base, { ...c, centre: false }), dim);
    for (let i = 0; i < out.length; i++) out[i]! -= mean[i % dim]!;
  }
  return out;
}
function meanRow(e: Float32Array, dim: number): Float32Array {
  const mean = new Float32Array(dim);
  const rows = e.length / dim;
  for (let i = 0; i < e.length; i++) mean[i % dim]! += e[i]! / rows;
  return mean;
}

const pct = (x: number) => (100 * x).toFixed(2);
console.log(`\n${SPLIT} classes, 5-way, ${EPISODES} episodes, seed 1, euclidean / l2 unless named; Δ: paired difference from ${reference}, 95 % interval\n`);
console.log(`| data set | task | candidate | accuracy | Δ vs ${reference} |\n| --- | --- | --- | --- | --- |`);
for (const name of DATASETS) {
  const dataset = splitDataset(loadDataset(name), SPLIT, { classes: MAX_CLASSES });
  const pictures = Array.from({ length: dataset.size }, (_, i) => dataset.image(i));
  const embeddings = new Map<string, Float32Array>();
  const key = `${name}-${SPLIT}${Number.isFinite(MAX_CLASSES) ? `-${MAX_CLASSES}` : ''}`;
  for (const c of chosen) embeddings.set(c, await embed(key, pictures, CANDIDATES[c]!));
  const smallest = Math.min(...dataset.byClass.map((k) => k.length));
  for (const shot of [1, 5]) {
    const settings = { way: 5, shot, queries: Math.min(15, smallest - shot), episodes: EPISODES, metric: 'euclidean', refine: 0, seed: 1 } as const;
    const results = chosen.map((c) => ({ c, r: evaluateEpisodes(embeddings.get(c)!, dimOf(CANDIDATES[c]!), dataset, kernels, { ...settings, normalize: CANDIDATES[c]!.normalize ?? 'l2' }) }));
    for (const { c, r } of results) {
      const p = pairedDifference(r.perEpisode, results[0]!.r.perEpisode);
      const delta = c === reference ? '—' : `${p.difference >= 0 ? '+' : ''}${pct(p.difference)} ± ${pct(p.ci95)}`;
      console.log(`| ${name} (${dataset.byClass.length} classes, ${settings.queries} queries) | 5w${shot}s | ${c} | ${pct(r.accuracy)} ± ${pct(r.ci95)} | ${delta} |`);
    }
  }
}
if (!process.env.SPLIT) {
  for (const size of [224, 192]) console.log(`one picture at ${size} px, batch 1, median of 30 after 5: ${(await model.latency(size, 30)).toFixed(1)} ms`);
}
await model.dispose();
await extraBranches.dispose();
