import type { Calibration } from './fit.ts';
import type { HeadOptions } from './head.ts';
import type { Knowledge } from './held-out.ts';

/** What the predictor reports (plain data: it crosses from the lab's worker to its page). */
export interface ClassScore {
  classId: string;
  /** Softmax of −distance / T: calibrated when T came from the card or the examples. */
  probability: number;
  distance: number;
}

export interface Prediction {
  /** The closest class, or null when the query is farther than the open-set threshold. */
  classId: string | null;
  nearestClassId: string;
  scores: ClassScore[];
  /** The examples closest to the query, nearest first (up to three). */
  nearest: Array<{ classId: string; exampleId: string; distance: number }>;
}

export interface PredictionReport {
  predictions: Prediction[];
  /** Classes left out because they have no examples yet. */
  skipped: string[];
  calibration: Calibration;
  /** The learned metric the verdicts used, or null for plain prototypes. */
  head: HeadOptions | null;
}

/** How well the classifier knows the visitor's classes, judged on examples it did not see (per class, in class order). */
export interface KnowledgeReport {
  classIds: string[];
  prototypes: Knowledge;
  /** With the head on and trained. */
  head?: Knowledge;
}
