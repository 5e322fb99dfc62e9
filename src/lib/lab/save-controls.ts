/**
 * Export, import and "Clear everything". The worker saves the lab in this
 * browser as it changes; clearing and importing keep the state before them
 * for the Undo button, here and in storage.
 */
import { el } from './dom';
import type { LabPage } from './lab-client';

export function wireSaving(page: LabPage): void {
  const { $ } = page;
  const fileStatus = $<HTMLElement>('[data-lab-file-status]');
  $<HTMLButtonElement>('[data-lab-export]').addEventListener('click', () =>
    void page.attempt(async () => {
      const blob = await page.engine().exportLab();
      const link = el('a', { href: URL.createObjectURL(blob), download: 'metric-atlas-lab.json' });
      link.click();
      URL.revokeObjectURL(link.href);
      fileStatus.textContent = 'Exported to metric-atlas-lab.json (every picture as kept, and its embeddings).';
    }, fileStatus),
  );
  const importInput = $<HTMLInputElement>('[data-lab-import]');
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    await page.attempt(async () => {
      // The worker checks the file (not JSON, not a lab, newer, damaged) before anything in the lab is replaced.
      const view = await page.engine().importLab(await file.text(), file.name, page.progress('Embedding the imported examples'));
      page.render(view);
      fileStatus.textContent = `Imported ${file.name}: ${view.classes.length} classes. ${view.undo ? 'The lab you had is kept for Undo.' : ''}`;
    }, fileStatus);
  });
  $<HTMLButtonElement>('[data-lab-clear]').addEventListener('click', () =>
    void page.attempt(async () => {
      page.render(await page.engine().clear());
      $<HTMLElement>('[data-lab-results]').replaceChildren();
      fileStatus.textContent = 'Everything was cleared. Undo brings it back.';
    }, fileStatus),
  );
}
