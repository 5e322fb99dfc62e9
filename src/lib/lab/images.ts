/** Pictures a visitor drops or pastes, for the class cards and the query area (the worker decodes them). */
/** Files dropped on `target`, or pasted while it (or something in it) has focus, go to `onFiles`. */
export function acceptDroppedAndPastedFiles(target: HTMLElement, onFiles: (files: File[]) => void): void {
  target.addEventListener('dragover', (event) => event.preventDefault());
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    onFiles([...(event.dataTransfer?.files ?? [])]);
  });
  target.addEventListener('paste', (event) => {
    const pasted = [...(event.clipboardData?.files ?? [])];
    if (pasted.length === 0) return;
    event.preventDefault();
    onFiles(pasted);
  });
}
