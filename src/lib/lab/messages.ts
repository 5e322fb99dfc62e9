/**
 * What the page and the lab's worker say to each other (types only; both
 * threads import this, neither imports the other's code). One request, one
 * reply: every call that changes the lab answers with a LabReply, so the
 * page never asks twice and never shows verdicts the worker has dropped.
 */
import type { KnowledgeReport, PredictionReport } from '../fewshot/reports';
import type { HeadOptions } from '../fewshot/head';
import type { Method } from '../fewshot/method';
import type { MapDrawing } from './map-drawing';
import type { Calibration } from '../fewshot/fit';
import type { ShippedSet } from './shipped-embeddings';

/** "How well your examples retrieve each other": asked of the engine when its fold opens (engine.retrieval). */
export type { ConfusingPair, RetrievalReport, RetrievalSide } from '../fewshot/retrieval';

/** Where the embedding network should run: WebGPU when the browser has it ('auto'), or WASM. */
export type BackendPreference = 'auto' | 'wasm';

/** Called with how much of a long request is done. */
export type Progress = (done: number, total: number) => void;

/** A picture handed to the worker (transferred), with the name its errors use. */
export interface Picture {
  source: Blob | ImageBitmap;
  name: string;
}

/** A ready-made set of classes and queries, as pictures (the page fetches it; the worker keeps it like any other). */
export interface ExampleSet {
  classes: Array<{ name: string; images: Array<{ source: Blob; name: string }> }>;
  queries: Array<{ source: Blob; name: string }>;
  /** The set's embeddings as the site ships them (classes' images, then queries): used where the worker's fingerprints match. */
  shipped?: ShippedSet;
}

/** How the lab starts: the site's base path (models are under it), the model, the backend, and the address's metric if any. */
export interface StartRequest {
  base: string;
  modelId: string;
  backend: BackendPreference;
  metric?: Method['metric'];
}

/** What "Resume your lab" offers: the saved lab's size, read from storage without starting the lab. */
export interface SavedLabPeek {
  classes: number;
  examples: number;
}

/** The model that runs, in words, for the status line. */
export interface LoadReport {
  model: string;
  kind: string;
  dim: number;
  backend: string;
  threads: number;
  /** Why the preferred backend was not used, if it was not. */
  note?: string;
  /** Why the verdicts may be wrong (the card's probe fails even on WASM), if they may. */
  warning?: string;
  /** The data set whose validation classes the card's temperatures and thresholds were fitted on, if it has them. */
  calibratedOn?: string;
}

/** What the page renders after every change: the classes with their thumbnails, the method and what applies to it. */
export interface LabView {
  model: (LoadReport & { id: string }) | null;
  /** Each class's examples by id: plain strings, as a 10,000-picture lab's view is read on the page after each change. */
  classes: Array<{ id: string; name: string; exampleIds: string[] }>;
  /**
   * Thumbnails by example id, each sent once, in the first view that has it, and at most a few hundred per view: the
   * page keeps them and asks for the rest (a 4,000-example lab would otherwise clone 4,000 Blobs per reply).
   */
  thumbs: Map<string, Blob>;
  method: Method;
  /** What an undo would restore, in words; null when there is nothing to undo. */
  undo: string | null;
  /** The temperature and open-set rule in force; null until two classes have examples. */
  calibration: Calibration | null;
  head: HeadView;
  saving: SavingView;
}

/** How the lab is kept in this browser's storage, as of the save this reply waited for. */
export interface SavingView {
  /** Pictures of the lab that storage does not hold (they are in this tab's memory, and an export keeps them). */
  unsaved: number;
  /** Why the last save failed, naming the fault (e.g. storage full); absent when it worked. The next change tries again. */
  error?: string;
  /** What the lab takes in this browser's storage, when the browser says. */
  bytes?: number;
  /** Said once: another tab saved this lab, and this tab now shows the lab as saved there. */
  note?: string;
  /** A folder import a reload or a closed tab cut short: its folder, its files, and how many of them were not imported. */
  interrupted?: { folder: string; total: number; missing: number };
}

/** The learned metric: its settings when on, whether the examples allow one, and how well the lab knows its classes. */
export interface HeadView {
  options: HeadOptions | null;
  /** Two classes with two examples or more, and no more examples than the head can train on here. */
  canLearn: boolean;
  /** Why it cannot, in words; null when it can. */
  reason: string | null;
  knowledge: KnowledgeReport | null;
}

/** The verdicts on the last queries, their thumbnails and the map, together. */
export interface Verdicts {
  report: PredictionReport | null;
  /** Why there is no report (e.g. fewer than two classes with examples). */
  problem?: string;
  queryThumbs: Blob[];
  /** Empty (no points) where not asked for, as with each live frame. */
  map: MapDrawing;
}

/** The one reply to every change: the lab, the last queries classified again, and one line per item that failed (naming it). */
export interface LabReply {
  view: LabView;
  verdicts: Verdicts;
  problems: string[];
}

/** What the page hears while a metric is learned. */
export type LearnProgress =
  | { phase: 'training'; step: number; steps: number; loss: number; map: MapDrawing }
  | { phase: 'checking'; round: number; rounds: number };
