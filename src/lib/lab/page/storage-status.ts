/**
 * How the lab is kept in this browser, said beside Export (issue 23): what it
 * stores, pictures a failed save left unsaved (storage full) and why, a lab
 * another tab saved and this one now shows, and a folder import a reload cut
 * short, with a button to pick the folder again. Every reply carries this
 * (view.saving), so nothing here asks the worker; the page only asks the
 * browser to keep a big lab, and tells its worker of other tabs' saves.
 */
import { LAB_CHANNEL } from '../lab-channel';
import type { LabView, SavingView } from '../messages';
import { el } from './dom';
import type { LabPage } from './lab-page';

/** Past this, the browser is asked to keep the lab's storage (persist), once: it may otherwise clear it when space runs low. */
const PERSIST_FROM = 50 * 1024 * 1024;

export function wireStorageStatus(page: LabPage): { update(view: LabView): void } {
  const line = page.root.querySelector<HTMLElement>('[data-lab-storage]');
  let persisted: boolean | undefined;
  let asked = false;

  // Each save of the lab, in any tab (this one's too): the worker takes another tab's, and the page shows it.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LAB_CHANNEL) : undefined;
  channel?.addEventListener('message', ({ data }) => {
    if (!page.started()) return;
    void page.attempt(async () => {
      const reply = await page.engine().follow(String(data));
      if (reply) page.apply(reply);
    });
  });

  async function persist(saving: SavingView, view: LabView) {
    if (asked || (saving.bytes ?? 0) < PERSIST_FROM || !navigator.storage?.persist) return;
    asked = true;
    persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    update(view);
  }

  function update(view: LabView) {
    if (!line) return;
    const { saving } = view;
    const parts: Array<Node | string> = [];
    if (saving.note) parts.push(`${saving.note} `);
    if (saving.error) parts.push(unsavedLine(saving));
    else if (saving.bytes !== undefined) parts.push(`Saved in this browser: the lab takes ${size(saving.bytes)}.${persistLine(persisted)}`);
    if (saving.interrupted) parts.push(' ', ...interruptedLine(saving.interrupted, page));
    line.replaceChildren(...parts);
    void persist(saving, view);
  }
  return { update };
}

function unsavedLine({ unsaved, error }: SavingView): string {
  const what = unsaved === 0 ? 'The last change is' : `${unsaved} ${unsaved === 1 ? 'picture is' : 'pictures are'}`;
  const kept = unsaved === 0 ? '' : ' They stay in this tab, and Export keeps them;';
  return `${what} not saved in this browser: ${error}.${kept} saving is tried again at the next change.`;
}

function persistLine(persisted: boolean | undefined): string {
  if (persisted === undefined) return '';
  return persisted ? ' The browser keeps it (persistent storage).' : ' The browser may clear it when space runs low (it did not grant persistent storage): export the lab to keep it.';
}

function interruptedLine({ folder, total, missing }: NonNullable<SavingView['interrupted']>, page: LabPage): Array<Node | string> {
  const input = page.root.querySelector<HTMLInputElement>(/\.zip$/i.test(folder) ? '[data-lab-zip]' : '[data-lab-folder]');
  const again = el('button', { type: 'button', className: 'pick-again' }, `Pick “${folder}” again`);
  again.addEventListener('click', () => input?.click());
  const forget = el('button', { type: 'button', className: 'forget-import' }, 'Forget it');
  forget.addEventListener('click', () => void page.attempt(async () => page.apply(await page.engine().forgetInterruptedImport())));
  return [`The import from “${folder}” did not finish (the page was reloaded or closed): ${missing} of its ${total} files were not imported. `, again, ' adds only those, or ', forget, ' (what it added stays).'];
}

/** Bytes for people: KB under a megabyte, else MB with one decimal. */
function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
