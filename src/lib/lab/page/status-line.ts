import type { LoadReport } from '../messages';
import { shortModelName } from '../../models/model-name';
import { el } from './dom';

/**
 * The lab's status line once its model is ready: one sentence a visitor reads
 * on the first screen ("Ready: Photo embedding, runs on this device (WASM, 2
 * threads)."), a warning when the model's verdicts may be wrong, and the
 * model's full description, embedding size and runtime folded in a <details>
 * under it. Everything stays in the status element's text, so what tests and
 * benchmarks read there (the thread count, the runtime) is still there.
 */
export interface ReadyStatus {
  /** The sentence on screen. */
  line: string;
  /** Shown beside it, not folded: the verdicts may be wrong. */
  warning?: string;
  /** The folded details, one sentence each. */
  details: string[];
}

// The worker names a model in its errors the same way (without zod, which the page does not load).
export { shortModelName };

/** "WASM (SIMD)" → "WASM". */
const shortBackend = (backend: string) => backend.split(' (')[0]!.trim() || backend;

/** `offline`: whether the lab's files are kept in this browser (offline.ts), and whether there is a network now. */
export function readyStatus(model: LoadReport, offline: { kept: boolean; online: boolean }): ReadyStatus {
  const threads = `${model.threads} ${model.threads === 1 ? 'thread' : 'threads'}`;
  const where = !offline.kept ? '' : offline.online ? ' and also works offline' : ', offline, from the copy kept in this browser';
  return {
    line: `Ready: ${shortModelName(model.model)}, runs on this device (${shortBackend(model.backend)}, ${threads})${where}.`,
    ...(model.warning ? { warning: model.warning } : {}),
    details: [
      `Model: ${model.model}, ${model.dim}-d embeddings.`,
      `Runtime: onnxruntime-web ${model.backend}, ${threads}.`,
      ...(model.note ? [model.note] : []),
      'Everything runs on this device: no drawing or picture is sent anywhere.',
      ...(offline.kept ? ['The page, the runtime and the model are kept in this browser, so the lab also starts without a network.'] : []),
    ],
  };
}

/** The status element's children for a ready model; `open` keeps the details open if they were. */
export function readyStatusView(status: ReadyStatus, open: boolean): Node[] {
  const details = el('details', { className: 'status-details', open }, el('summary', {}, 'Model and runtime'), ...status.details.map((d) => el('p', {}, d)));
  return [el('span', { className: 'status-line' }, status.line), ...(status.warning ? [el('strong', { className: 'status-warning' }, status.warning)] : []), details];
}
