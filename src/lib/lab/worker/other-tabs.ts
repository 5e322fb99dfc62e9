/// <reference lib="webworker" />
import type { LabReply } from '../messages';
import type { LabState } from './state';

/**
 * Two tabs on one lab (issue 23, item 5), as they happen: the page hears each
 * save on the lab's BroadcastChannel (its own worker's too) and asks its
 * worker to follow; the worker takes the lab as saved there, in its queue
 * after the request in hand. A tab that does not follow still never writes
 * over another's save: its next save is refused by the stamp and it takes
 * that lab first (LabState.save).
 */
export async function followSaved(state: LabState, stamp: string): Promise<LabReply | null> {
  // Not started (nothing to show), or this tab wrote that save (its own saves are heard too) or has taken it already.
  if (!state.model || !(await state.takeSave(stamp))) return null;
  return state.reply();
}
