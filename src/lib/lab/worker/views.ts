/// <reference lib="webworker" />
import type { Kernels } from '../../kernels/index';
import type { ClassStore } from '../../fewshot/class-store';
import type { Predictor } from '../../fewshot/predictor';
import type { KnowledgeReport } from '../../fewshot/reports';
import { MAX_HEAD_EXAMPLES } from '../../fewshot/head-losses';
import type { Calibration } from '../../fewshot/fit';
import type { LoadedModel } from './model';
import type { HeadView, LabView, Verdicts } from '../messages';
import type { StoredExample } from './store';
import { drawMap } from '../map-drawing';

/**
 * Thumbnails sent in one view, at most: a 10,000-picture folder's first view would otherwise clone 10,000 Blobs
 * in one message, one long task on the page. The page asks for the rest (`thumbnailsFor`), in parts of this size.
 */
export const THUMBS_PER_MESSAGE = 400;

/** `sent` holds the examples whose thumbnails the page already has; those sent now are added to it. */
export function labView(classes: ClassStore, predictor: Predictor, kernels: Kernels | undefined, model: LoadedModel | undefined, examples: ReadonlyMap<string, StoredExample>, undo: string | null, sent: Set<string>): Omit<LabView, 'saving'> {
  let calibration: Calibration | null = null;
  try {
    calibration = kernels ? predictor.calibration(kernels) : null;
  } catch {
    // Fewer than two classes with examples: nothing is calibrated yet.
  }
  // An example that left the lab and came back (an undo) is sent again: the page let its thumbnail go.
  const present = new Set<string>();
  const thumbs = new Map<string, Blob>();
  for (const c of classes.list()) {
    for (const id of c.exampleIds) {
      present.add(id);
      if (sent.has(id) || thumbs.size === THUMBS_PER_MESSAGE) continue;
      sent.add(id);
      thumbs.set(id, examples.get(id)!.thumb);
    }
  }
  const shown = classes.list().map((c) => ({ id: c.id, name: c.name, exampleIds: [...c.exampleIds] }));
  for (const id of sent) if (!present.has(id)) sent.delete(id);
  return { model: model ? { ...model.report, id: model.id } : null, classes: shown, thumbs, method: classes.method, undo, calibration, head: headView(classes, predictor, kernels) };
}

function headView(classes: ClassStore, predictor: Predictor, kernels: Kernels | undefined): HeadView {
  const examples = classes.list().reduce((sum, c) => sum + c.exampleIds.length, 0);
  const reason = classes.canLearnMetric()
    ? null
    : examples <= MAX_HEAD_EXAMPLES
      ? 'Learning a metric needs at least two classes with two examples or more each.'
      : `Learning a metric works on up to ${MAX_HEAD_EXAMPLES} examples; this lab has ${examples}.`;
  let knowledge: KnowledgeReport | null = null;
  try {
    knowledge = kernels && reason === null ? predictor.knowledge(kernels) : null;
  } catch {
    // A head that cannot be trained (e.g. a learning rate that diverges) leaves the report out; the verdicts say why.
  }
  return { options: classes.head, canLearn: reason === null, reason, knowledge };
}

/** Trains the head again if it is on and the examples changed; a head that cannot be trained (a rate that diverges) gives why. */
export function trainIfStale(predictor: Predictor, kernels: Kernels): string | undefined {
  if (!predictor.headIsStale()) return undefined;
  try {
    predictor.trainHead(kernels);
  } catch (error) {
    return (error as Error).message;
  }
}

/** Verdicts for the last queries from their cached embeddings; the map only where the classes' order is given (not per live frame). */
export function verdictsFor(predictor: Predictor, kernels: Kernels, queries: { embeddings: Float32Array[]; thumbs: Blob[] }, classIds: string[] | null): Verdicts {
  const { embeddings, thumbs } = queries;
  const map = drawMap(classIds ? predictor.map(kernels, embeddings) : [], classIds ?? []);
  if (embeddings.length === 0) return { report: null, queryThumbs: [], map };
  try {
    return { report: predictor.predict(kernels, embeddings), queryThumbs: thumbs, map };
  } catch (error) {
    return { report: null, problem: (error as Error).message, queryThumbs: thumbs, map };
  }
}

/** The thumbnails the page asks for (those a view left out), null for an example no longer in the lab; now sent. */
export function thumbnailsFor(ids: string[], examples: ReadonlyMap<string, StoredExample>, sent: Set<string>): Array<Blob | null> {
  return ids.slice(0, THUMBS_PER_MESSAGE).map((id) => {
    const example = examples.get(id);
    if (example) sent.add(id);
    return example?.thumb ?? null;
  });
}
