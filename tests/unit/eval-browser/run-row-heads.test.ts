/**
 * The browser's "run this row" (src/lib/eval-browser/run-row.ts) on the
 * learned-metric rows (npm run eval:heads), run in Node with fetch answered
 * from the repository's files as the site publishes them: a 5-way 1-shot row
 * of the head table — prototypes and every loss on the same episodes — gives
 * the published numbers to the last bit, on the smallest served data set
 * (photo-kinds, 6 test classes, under the cap) and on glyphs-heldout, whose
 * 818 test letters eval:heads' cap (eval/head-rows.ts) cuts to 100. The network runs on
 * onnxruntime-web's WASM backend as the harness loads it in Node (the worker's
 * runtime module needs a browser's `self`); the e2e spec runs the worker's own.
 */
import { expect, test, vi } from 'vitest';
import { serveRepositoryAsSite, SITE } from '../../helpers/site-fetch.ts';
import evaluationsJson from '../../../src/data/evaluations.json';
import { evaluationsSchema } from '../../../src/schemas/evaluations.ts';
import { runRow } from '../../../src/lib/eval-browser/run-row.ts';
import type { FewShotRequest, RowReply } from '../../../src/lib/eval-browser/messages.ts';
import { headOptionsOfRow } from '../../../src/lib/eval/head-rows.ts';
import { HEAD_LOSSES } from '../../../src/lib/fewshot/head-losses.ts';

vi.mock('../../../src/lib/lab/worker/runtime.ts', async () => {
  const { ortInNode } = await import('../../../src/lib/inference/ort-node.ts');
  return { wasmRuntime: () => ({ ort: ortInNode(), executionProviders: ['wasm'], backend: 'WASM (SIMD)', threads: 1 }) };
});

const MODEL = 'sketch-protonet';

serveRepositoryAsSite();

const evaluations = evaluationsSchema.parse(evaluationsJson);
/** The head table's 5-way 1-shot row: prototypes, then each loss, as the table's columns are. */
const publishedRow = (dataset: string) =>
  ['none', ...HEAD_LOSSES.map((l) => l.id)].map((head) => evaluations.results.find((r) => r.model === MODEL && r.dataset === dataset && r.way === 5 && r.shot === 1 && r.head === head)!);

test.each(['photo-kinds', 'glyphs-heldout'])(`reproduces the head table's 5-way 1-shot row of ${MODEL} on %s (prototypes and every loss) to the last bit`, async (DATASET) => {
  const published = publishedRow(DATASET);
  expect(published.every((r) => r !== undefined)).toBe(true);
  const stamp = evaluations.stamps[published[0]!.stamp]!;
  const source = stamp.datasets.find((d) => d.id === DATASET)!;
  const request: FewShotRequest = {
    kind: 'few-shot',
    headRows: true,
    base: SITE,
    kernelsUrl: `${SITE}build/kernels.wasm`,
    model: MODEL,
    modelSha256: stamp.models.find((m) => m.id === MODEL)!.sha256,
    dataset: { id: DATASET, files: source.files, sha256: source.sha256 },
    datasetBytes: 1,
    classes: 'test',
    settings: published.map((r) => {
      const head = headOptionsOfRow(r);
      return { way: r.way, shot: r.shot, queries: r.queries, episodes: r.episodes, metric: r.metric, normalize: r.normalize, refine: r.refine, seed: r.seed, ...(head ? { head } : {}) };
    }),
  };
  expect(request.settings.filter((s) => s.head).map((s) => s.head!.loss)).toEqual(HEAD_LOSSES.map((l) => l.id));
  const replies: RowReply[] = [];
  await runRow(request, (r) => replies.push(r));
  const done = replies.at(-1)!;
  expect(done.type === 'done' && done.kind === 'few-shot' && done.results).toEqual(
    published.map(({ accuracy, ci95, episodeFingerprint }) => ({ accuracy, ci95, episodeFingerprint })),
  );
  expect(replies.some((r) => r.type === 'progress' && r.stage === 'episodes' && r.done === published[0]!.episodes)).toBe(true);
}, 120_000);
