/// <reference lib="webworker" />
import { instantiateKernels, type Kernels } from '../kernels/index.ts';
import { embedDataset, evaluateEpisodes } from '../eval/run.ts';
import { splitDataset } from '../eval/session-episodes.ts';
import { headRowSplit } from '../eval/head-rows.ts';
import { labelsOf, measureRetrieval, normalizedSplit } from '../eval/retrieval-rows.ts';
import { downloadDataset } from './dataset-download.ts';
import { openEmbedder } from './embedder.ts';
import type { RowReply, RowRequest } from './messages.ts';

/**
 * One evaluation row, run in the visitor's browser with the code the Node
 * harness (scripts/eval-all.ts) runs: the same split of the same data set's
 * files, the same preprocessing and embedding (run.ts embedDataset), the same
 * seeded episodes and kernels (run.ts evaluateEpisodes, with a row's learned
 * metric head on eval:heads' split, head-rows.ts), or the same retrieval
 * (retrieval-rows.ts). Only the loading
 * differs: downloads instead of files on disk.
 */
export async function runRow(request: RowRequest, post: (reply: RowReply) => void): Promise<void> {
  const started = performance.now();
  const progress = (stage: 'download' | 'embed' | 'episodes' | 'retrieval', label: string) => (done: number, total: number) =>
    post({ type: 'progress', stage, done, total, label });
  const kernelsPromise: Promise<Kernels> = fetch(request.kernelsUrl)
    .then((r) => r.arrayBuffer())
    .then((bytes) => instantiateKernels(bytes));
  const full = await downloadDataset(request.base, request.dataset, request.datasetBytes, progress('download', `Downloading ${request.dataset.id}`));
  const dataset = request.kind === 'few-shot' && request.headRows ? headRowSplit(full) : request.classes === 'all' ? full : splitDataset(full, request.classes);
  const { embedder, engine } = await openEmbedder(request.base, request.model, request.modelSha256, progress('download', `Downloading ${request.model}`));
  const dim = embedder.card.output.dim;
  const embed = progress('embed', `Embedding ${dataset.size} images`);
  const embeddings = await embedDataset(dataset, embedder, (done) => embed(done, dataset.size));
  await embedder.dispose();
  const kernels = await kernelsPromise;
  if (request.kind === 'few-shot') {
    const results = request.settings.map((settings, i) => {
      const tick = progress('episodes', `Task ${i + 1} of ${request.settings.length}: ${settings.way}-way ${settings.shot}-shot${settings.head ? `, ${settings.head.loss} head` : ''}, ${settings.episodes} episodes`);
      const { accuracy, ci95, episodeFingerprint } = evaluateEpisodes(embeddings, dim, dataset, kernels, settings, (done) => {
        if (done % 20 === 0 || done === settings.episodes) tick(done, settings.episodes);
      });
      return { accuracy, ci95, episodeFingerprint };
    });
    post({ type: 'done', kind: 'few-shot', results, seconds: (performance.now() - started) / 1000, engine });
    return;
  }
  // Retrieval as the harness measures it (eval/retrieval-rows.ts): the split normalised as the lab's session does, then every image a query.
  const tick = progress('retrieval', `Ranking ${dataset.size} images against each other`);
  tick(0, 1);
  const raw = { data: embeddings, rows: dataset.size, cols: dim };
  const labels = labelsOf(dataset.byClass, dataset.size);
  const normalized = normalizedSplit(kernels, raw, labels, dataset.byClass.length, request.normalize);
  const result = measureRetrieval(kernels, normalized, labels, dataset.byClass.length, request.metric, request.normalize);
  tick(1, 1);
  post({ type: 'done', kind: 'retrieval', result, seconds: (performance.now() - started) / 1000, engine });
}
