/**
 * The browser's "run this row" (src/lib/eval-browser/run-row.ts), run in Node
 * with fetch answered from the repository's files as the site publishes them:
 * it must give the published row's numbers to the last bit, and refuse a data
 * set whose files are not the ones the row was measured on.
 */
import { describe, expect, test } from 'vitest';
import { serveRepositoryAsSite, SITE } from '../../helpers/site-fetch.ts';
import evaluations from '../../../src/data/evaluations.json';
import { runRow } from '../../../src/lib/eval-browser/run-row.ts';
import type { FewShotRequest, RowReply } from '../../../src/lib/eval-browser/messages.ts';
import { loadKernelsInNode } from '../../../src/lib/kernels/load-node.ts';
import { loadDataset, loadModelInNode, RAW_PIXELS } from '../../../src/lib/eval/node.ts';
import { embedDataset } from '../../../src/lib/eval/run.ts';
import { retrievalRows } from '../../../src/lib/eval/retrieval-rows.ts';
import { splitDataset } from '../../../src/lib/eval/session-episodes.ts';

serveRepositoryAsSite();

const published = evaluations.results.filter(
  (r) => r.model === 'raw-pixels' && r.dataset === 'photo-kinds' && r.metric === 'euclidean' && r.normalize === 'none' && r.refine === 0 && !('head' in r),
);
const stamp = evaluations.stamps[published[0]!.stamp]!;
const source = stamp.datasets.find((d) => d.id === 'photo-kinds')!;

function request(sha256 = source.sha256): FewShotRequest {
  return {
    kind: 'few-shot',
    base: SITE,
    kernelsUrl: `${SITE}build/kernels.wasm`,
    model: 'raw-pixels',
    dataset: { id: 'photo-kinds', files: source.files, sha256 },
    datasetBytes: 1,
    classes: 'test',
    settings: published.map(({ way, shot, queries, episodes, metric, normalize, refine, seed }) => ({ way, shot, queries, episodes, metric, normalize, refine, seed }) as FewShotRequest['settings'][number]),
  };
}

describe('runRow', () => {
  test('reproduces raw pixels on photo-kinds, baseline, every task, to the last bit', async () => {
    const replies: RowReply[] = [];
    await runRow(request(), (r) => replies.push(r));
    const done = replies.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done' || done.kind !== 'few-shot') return;
    expect(published.length).toBe(2);
    done.results.forEach((r, i) => {
      expect(r.accuracy).toBe(published[i]!.accuracy);
      expect(r.ci95).toBe(published[i]!.ci95);
      expect(r.episodeFingerprint).toBe(published[i]!.episodeFingerprint);
    });
    expect(replies.some((r) => r.type === 'progress' && r.stage === 'episodes' && r.done === published[0]!.episodes)).toBe(true);
  });

  test('refuses a data set that is not the one the row was measured on', async () => {
    await expect(runRow(request('0'.repeat(64)), () => {})).rejects.toThrow(/not the data set the published row was measured on/);
  });
});

describe('runRow, retrieval', () => {
  test('gives the harness’s retrieval row (eval-all: retrievalRows over the test split) to the last bit', async () => {
    const kernels = await loadKernelsInNode();
    const dataset = splitDataset(loadDataset('photo-kinds'), 'test');
    const model = await loadModelInNode(RAW_PIXELS);
    const embeddings = await embedDataset(dataset, model.embedder);
    const harness = retrievalRows(kernels, embeddings, model.embedder.card.output.dim, dataset.byClass);
    for (const [metric, normalize] of [['euclidean', 'none'], ['cosine', 'cl2n']] as const) {
      const replies: RowReply[] = [];
      await runRow({ ...request(), kind: 'retrieval', metric, normalize }, (r) => replies.push(r));
      const done = replies.at(-1)!;
      expect(done.type === 'done' && done.kind === 'retrieval' && done.result).toEqual(harness.find((r) => r.metric === metric && r.normalize === normalize));
    }
  });
});
