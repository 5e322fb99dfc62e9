/// <reference lib="webworker" />
import { defaultHeadOptions, type HeadOptions } from '../../fewshot/head';
import { HEAD_LOSSES } from '../../fewshot/head-losses';
import type { LabReply, LearnProgress } from '../messages';
import type { LabState } from './state';
import { drawMap } from '../map-drawing';

/**
 * The learned metric head (issue 13): trained on the examples, then kept on,
 * so later verdicts, probabilities, unknowns and the map use it, and it is
 * saved; or dropped, back to plain prototypes.
 */

/** Trains the head, reporting each chunk of steps with the map as it moves, then each held-out round. */
export function learnMetric(state: LabState, options: Partial<HeadOptions>, onProgress: (progress: LearnProgress) => void): Promise<LabReply> {
  const kernels = state.kernels!;
  const before = state.classes.head;
  // Steps and rate left out are the loss's own defaults.
  const classIds = state.classes.list().map((c) => c.id);
  const { steps } = state.classes.setHead({ ...defaultHeadOptions(options.loss ?? HEAD_LOSSES[0]!.id), ...options })!;
  try {
    state.predictor.trainHead(kernels, {
      training: (step, loss, proxies) => onProgress({ phase: 'training', step, steps, loss, map: drawMap(state.predictor.mapWithProxies(kernels, proxies(), state.queries.embeddings), classIds) }),
      rounds: (round, rounds) => onProgress({ phase: 'checking', round, rounds }),
    });
  } catch (error) {
    // A head that cannot be trained leaves the lab as it was.
    state.classes.setHead(before);
    throw error;
  }
  return state.reply();
}

/** Back to plain prototypes (the head's settings are forgotten; learning again is one click). */
export function usePrototypes(state: LabState): Promise<LabReply> {
  state.classes.setHead(null);
  return state.reply();
}
