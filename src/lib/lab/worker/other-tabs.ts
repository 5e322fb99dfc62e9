/// <reference lib="webworker" />
import type { LabReply } from '../messages';
import type { LabState } from './state';

/**
 * Two tabs on one lab (issue 23, item 5), as they happen: each save in
 * another tab (heard on the store's BroadcastChannel) is taken here in the
 * engine's queue, after the request in hand, and the page renders the reply.
 * A tab that does not watch still never writes over another's save: its next
 * save is refused by the stamp and it takes that lab first (LabState.save).
 */
export function followOtherTabs(state: LabState, serial: (task: () => Promise<void>) => Promise<void>, onChange: (reply: LabReply) => void): void {
  state.store.onSavedElsewhere((stamp) => {
    const take = async () => {
      // Not started (nothing to show), or this tab has taken that save already.
      if (!state.model || stamp === state.saving.stamp) return;
      await state.follow();
      onChange(await state.reply());
    };
    // A failure leaves this tab as it was; its next save takes the other tab's lab then.
    serial(take).catch(() => undefined);
  });
}
