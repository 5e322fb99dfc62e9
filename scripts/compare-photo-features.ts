/**
 * Chooses the photo model's features on VALIDATION classes only (the even-
 * numbered classes of photo-crops and photo-kinds; the Evaluation page reports
 * on the odd ones): the CenterNet taps (photo-mobilenetv3), nsfwjs's pooled
 * MobileNetV2 1.4 vector alone, and the two concatenated with each branch
 * L2-normalised first. Same seeded episodes for every candidate, so each is
 * compared with the vector alone (and the combination with the taps alone) by
 * a paired difference and its 95 % interval.
 *
 *   python3 training/convert_nsfwjs.py --alone --out training/cache/mobilenetv2-alone.onnx
 *   node scripts/compare-photo-features.ts [training/cache/mobilenetv2-alone.onnx]
 *   SPLIT=test node scripts/compare-photo-features.ts    # the same table on the reported classes, once the choice is made
 */
import { readFileSync } from 'node:fs';
import { loadKernelsInNode } from '../src/lib/kernels/load-node.ts';
import { createEmbedder } from '../src/lib/inference/embedder.ts';
import { ortInNode } from '../src/lib/inference/ort-node.ts';
import { embeddingsOf, loadDataset, loadModelInNode } from '../src/lib/eval/node.ts';
import { evaluateEpisodes } from '../src/lib/eval/run.ts';
import { classesOf } from '../src/lib/eval/datasets.ts';
import { pairedDifference } from '../src/lib/eval/paired.ts';
import { parseModelCard } from '../src/lib/models/card.ts';
import { RETIRED_MODEL_IDS } from '../src/lib/models/catalog.ts';

const onnxPath = process.argv[2] ?? 'training/cache/mobilenetv2-alone.onnx';
const kernels = await loadKernelsInNode();
const centernet = await loadModelInNode(RETIRED_MODEL_IDS[0]);
const card = parseModelCard({ ...centernet.embedder.card, id: 'mobilenetv2-candidate', input: { ...centernet.embedder.card.input, range: [0, 1] }, output: { name: 'embedding', dim: 1792 }, calibration: undefined });
const mobilenet = { id: 'mobilenetv2-candidate', embedder: await createEmbedder(ortInNode(), new Uint8Array(readFileSync(onnxPath)), card) };

/** Each row L2-normalised, per branch, then the branches side by side. */
function concatenated(a: Float32Array, da: number, b: Float32Array, db: number): Float32Array {
  const rows = a.length / da;
  const out = new Float32Array(rows * (da + db));
  for (let r = 0; r < rows; r++) {
    for (const [src, d, at] of [[a, da, 0], [b, db, da]] as const) {
      const row = src.subarray(r * d, (r + 1) * d);
      const norm = Math.hypot(...row) || 1;
      for (let i = 0; i < d; i++) out[r * (da + db) + at + i] = row[i]! / norm;
    }
  }
  return out;
}

const EPISODES = Number(process.env.EPISODES ?? 600);
const SPLIT = process.env.SPLIT === 'test' ? 'test' : 'validation';
for (const name of ['photo-crops', 'photo-kinds']) {
  const dataset = loadDataset(name);
  const validation = { ...dataset, byClass: classesOf(dataset, SPLIT) };
  const cn = await embeddingsOf(centernet, dataset);
  const mn = await embeddingsOf(mobilenet, dataset);
  const candidates = {
    'CenterNet taps (152)': { e: cn, d: 152 },
    'MobileNetV2 1.4 vector (1792)': { e: mn, d: 1792 },
    'both, each L2 first (1944)': { e: concatenated(mn, 1792, cn, 152), d: 1944 },
  };
  const smallest = Math.min(...validation.byClass.map((c) => c.length));
  for (const shot of [1, 5]) {
    for (const normalize of ['l2', 'cl2n'] as const) {
      const settings = { way: 5, shot, queries: Math.min(15, smallest - shot), episodes: EPISODES, metric: 'euclidean', normalize, refine: 0, seed: 1 } as const;
      const results = Object.entries(candidates).map(([label, { e, d }]) => ({ label, r: evaluateEpisodes(e, d, validation, kernels, settings) }));
      const base = results[1]!.r;
      for (const { label, r } of results) {
        const versus = (other: typeof base, label: string) => {
          const p = pairedDifference(r.perEpisode, other.perEpisode);
          return `  vs ${label} ${(100 * p.difference).toFixed(2)} ± ${(100 * p.ci95).toFixed(2)}`;
        };
        const diff = (r === base ? '' : versus(base, 'vector alone')) + (r === results[2]!.r ? versus(results[0]!.r, 'taps alone') : '');
        console.log(`${name} ${SPLIT} 5w${shot}s euclidean/${normalize}  ${label.padEnd(30)} ${(100 * r.accuracy).toFixed(2)} ± ${(100 * r.ci95).toFixed(2)} %${diff}`);
      }
    }
  }
}
await mobilenet.embedder.dispose();
await centernet.embedder.dispose();
