/**
 * After a model did not load (its download failed after the worker's tries,
 * or its bytes were refused), the lab is as it was: the error says so, and a
 * Retry button offers the same request again, so the visitor need not find
 * the control that made it (a model select already set back to the model in
 * use, say).
 */
export interface RetryOffer {
  /** The error to show, with what is kept and what Retry does. */
  message(error: unknown, kept: string): string;
  /** Shows Retry, which runs `again` (hiding itself); `instead` (a Start button that would do the same) is hidden meanwhile. */
  offer(again: () => unknown, instead?: HTMLElement): void;
  clear(): void;
}

export function retryOffer(button: HTMLButtonElement, progress: HTMLElement): RetryOffer {
  let hidden: HTMLElement | undefined;
  let action: (() => unknown) | undefined;
  const clear = () => {
    button.hidden = true;
    if (hidden) hidden.hidden = false;
    hidden = action = undefined;
  };
  button.addEventListener('click', () => {
    const again = action;
    clear();
    void again?.();
  });
  return {
    message: (error, kept) => `${(error as Error).message.replace(/^Error: /, '')} ${kept} Press Retry to try again.`,
    offer(again, instead) {
      action = again;
      // A failed download can stop with its progress bar part full; it no longer says anything.
      progress.hidden = true;
      button.hidden = false;
      if (instead && !instead.hidden) {
        const focused = document.activeElement === instead;
        (hidden = instead).hidden = true;
        // The button pressed is gone: the one that does the same takes its focus.
        if (focused) button.focus();
      }
    },
    clear,
  };
}
