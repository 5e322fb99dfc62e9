/**
 * Pictures a visitor drops or pastes, for the class cards and the query area
 * (the worker decodes them). Files dropped on `target`, or pasted while it (or something in it) has
 * focus, go to `onFiles`. Folders and zips dropped are not pictures: they
 * pass on to the examples part, which makes classes of them (folder-import.ts).
 */
export function acceptDroppedAndPastedFiles(target: HTMLElement, onFiles: (files: File[]) => void): void {
  target.addEventListener('dragover', (event) => event.preventDefault());
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    const folders = [...(event.dataTransfer?.items ?? [])].some((item) => item.webkitGetAsEntry?.()?.isDirectory);
    if (folders || files.some((f) => /\.zip$/i.test(f.name))) return;
    event.stopPropagation();
    onFiles(files);
  });
  target.addEventListener('paste', (event) => {
    const pasted = [...(event.clipboardData?.files ?? [])];
    if (pasted.length === 0) return;
    event.preventDefault();
    onFiles(pasted);
  });
}
