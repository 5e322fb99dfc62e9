/// <reference lib="webworker" />
/**
 * The lab's worker: it owns the lab (see LabEngine) — pictures, the
 * embedding model on onnxruntime-web, the kernels, the session and what is
 * saved — so the page never decodes, embeds or blocks on inference.
 */
import './zod-jitless';
import * as Comlink from 'comlink';
import kernelsUrl from '../../build/kernels.wasm?url';
import { LabEngine } from '../lib/lab/worker/engine';

Comlink.expose(new LabEngine(kernelsUrl));
export type { LabEngine };
