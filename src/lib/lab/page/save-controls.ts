/**
 * Export (a JSON file, or a zip of class folders with a manifest), import
 * (either) and "Clear everything". The worker saves the lab in this browser
 * as it changes; clearing and importing keep the state before them for the
 * Undo button, here and in storage.
 */
import { el } from './dom';
import type { LabPage } from './lab-page';

/** Offers a file the lab made (an export, a class's pictures) as a download. */
export function offerDownload(blob: Blob, fileName: string): void {
  const link = el('a', { href: URL.createObjectURL(blob), download: fileName });
  link.click();
  // The download has its own reference by now; the address can go.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

export function wireSaving(page: LabPage): void {
  const { $ } = page;
  const fileStatus = $<HTMLElement>('[data-lab-file-status]');
  $<HTMLButtonElement>('[data-lab-export]').addEventListener('click', () =>
    void page.attempt(async () => {
      offerDownload(await page.engine().exportLab(), 'metric-atlas-lab.json');
      fileStatus.textContent = 'Exported to metric-atlas-lab.json (every picture as kept, and its embeddings).';
    }, fileStatus),
  );
  $<HTMLButtonElement>('[data-lab-export-zip]').addEventListener('click', () =>
    void page.attempt(async () => {
      page.say('Writing the zip…');
      offerDownload(await page.engine().exportZip(), 'metric-atlas-lab.zip');
      fileStatus.textContent = 'Exported to metric-atlas-lab.zip: one folder per class with its pictures as kept, and manifest.json (names, method, embeddings) so an import restores it exactly.';
    }, fileStatus),
  );
  const importInput = $<HTMLInputElement>('[data-lab-import]');
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    await page.attempt(async () => {
      // The worker checks the file (not JSON, not a lab, newer, damaged) before anything in the lab is replaced.
      if (/\.zip$/i.test(file.name)) {
        const reply = await page.engine().importZip(file, file.name, page.progress('Reading the zip'));
        page.apply(reply);
        fileStatus.textContent = `Imported ${file.name}: ${reply.view.classes.length} classes. ${reply.problems.join(' ')}`;
        return;
      }
      const reply = await page.engine().importLab(await file.text(), file.name, page.progress('Embedding the imported examples'));
      page.apply(reply);
      const { view } = reply;
      fileStatus.textContent = `Imported ${file.name}: ${view.classes.length} classes. ${view.undo ? 'The lab you had is kept for Undo.' : ''}`;
    }, fileStatus);
  });
  $<HTMLButtonElement>('[data-lab-clear]').addEventListener('click', () =>
    void page.attempt(async () => {
      // The last queries stay: they wait for classes (the results say so) and come back with Undo.
      page.apply(await page.engine().clear());
      fileStatus.textContent = 'Everything was cleared. Undo brings it back.';
    }, fileStatus),
  );
}
