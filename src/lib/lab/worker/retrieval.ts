/// <reference lib="webworker" />
import type { RetrievalReport } from '../../fewshot/retrieval';
import type { LabState } from './state';
import { trainIfStale } from './views';

/**
 * "How well your examples retrieve each other" (issue 25): n² distances, so
 * the page asks for it when its fold opens, not with every reply; and the
 * fixes it offers for a confusing pair (remove an example, move it to the
 * other class), each undoable.
 */

/** Every example as a query against all the others; null before two classes have examples. */
export function retrievalOf(state: LabState): RetrievalReport | null {
  const kernels = state.kernels;
  if (!kernels) return null;
  trainIfStale(state.predictor, kernels);
  return state.predictor.retrieval(kernels);
}

/** Where an example is: its class and its 1-based place there, as the class card shows it. */
function place(state: LabState, exampleId: string): { classId: string; name: string; number: number; embedding: Float32Array } {
  for (const c of state.classes.ready()) {
    const at = c.examples.findIndex((e) => e.id === exampleId);
    if (at !== -1) return { classId: c.id, name: c.name, number: at + 1, embedding: c.examples[at]!.embedding };
  }
  throw new Error(`There is no example ${exampleId}.`);
}

/** Removes an example, remembered for the undo button (a class card's × removes without one, as before). */
export function removeExampleUndoably(state: LabState, exampleId: string): void {
  const { name, number } = place(state, exampleId);
  state.remember(`Undo “Remove ${name} example ${number}”`);
  state.classes.removeExample(exampleId);
}

/** Moves an example to another class (the end of it), keeping its picture and id; undoable. */
export function moveExample(state: LabState, exampleId: string, toClassId: string): void {
  const from = place(state, exampleId);
  const to = state.classes.list().find((c) => c.id === toClassId);
  if (!to) throw new Error(`There is no class ${toClassId}.`);
  if (to.id === from.classId) return;
  state.remember(`Undo “Move ${from.name} example ${from.number} to ${to.name}”`);
  state.classes.removeExample(exampleId);
  state.classes.addExample(toClassId, from.embedding, exampleId);
}
