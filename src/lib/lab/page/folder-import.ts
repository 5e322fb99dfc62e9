/**
 * Classes in bulk from folders: a picked folder (showDirectoryPicker where the
 * browser has it, Chromium: its handle goes to the worker, which lists and
 * reads it, so the page is never held by a big folder; elsewhere
 * webkitdirectory, whose FileList the browser builds before the page hears
 * of it), a folder
 * dropped on the examples part (DataTransferItem.webkitGetAsEntry, walked
 * here: only the page can read dropped entries), or a zip picked or dropped
 * (read by the worker). One class per folder, with progress; the files go to
 * the worker as they are (handles, not copies) and it decodes and embeds them.
 */
import * as Comlink from 'comlink';
import type { LabReply } from '../messages';
import { classFolders, noPictures, notAPicture } from '../class-folders';
import type { LabPage } from './lab-page';

type Found = { path: string; item: File };

/** Files per message to the worker: each message's structured clone is one task of the page (200 files took 86–264 ms in a CPU profile of bench:lab's 200 × 20 folder run). */
const PART = 50;

export function wireFolderImport(page: LabPage): void {
  const { $ } = page;
  const area = $<HTMLElement>('[data-lab-part="examples"]');
  const status = $<HTMLElement>('[data-lab-file-status]');
  const folderInput = $<HTMLInputElement>('[data-lab-folder]');
  const zipInput = $<HTMLInputElement>('[data-lab-zip]');

  async function addFound(found: Found[], fallback: string) {
    const { classes, skipped } = classFolders(found, fallback);
    if (classes.length === 0) return void (status.textContent = noPictures(fallback));
    const pictures = classes.flatMap((c) => c.items.map(({ path, item }) => ({ folder: c.name, source: item as Blob, name: path })));
    const result = await page.attempt(async () => {
      // In parts, each its own message, so the page is never held long by sending them (see stageFolderPictures).
      for (let i = 0; i < pictures.length; i += PART) await page.engine().stageFolderPictures(pictures.slice(i, i + PART));
      return page.engine().addStagedFolders(page.progress('Adding pictures from folders'), fallback);
    }, status);
    if (result) shown(result, classesFrom(classes.length, fallback), skipped.map(notAPicture));
  }

  async function addZip(file: File) {
    const result = await page.attempt(() => page.engine().importZip(file, file.name, page.progress(`Reading ${file.name}`)), status);
    if (result) shown(result, file.name, []);
  }

  function shown(result: LabReply, what: string, notes: string[]) {
    page.apply(result);
    const pictures = result.view.classes.reduce((n, c) => n + c.exampleIds.length, 0);
    status.textContent = [`Added ${what}: the lab has ${result.view.classes.length} classes and ${pictures} pictures.`, ...notes, ...result.problems].join(' ');
  }

  // Where the browser can hand over a folder's handle, the picker it opens replaces the input's (a FileList of 10,000
  // files held the page 1,445 ms before its change event: bench:lab --bulk); the input stays for the others and for tests.
  folderInput.addEventListener('click', (event) => {
    const picker = (window as unknown as { showDirectoryPicker?: (options: { mode: 'read' }) => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker;
    if (!picker) return;
    event.preventDefault();
    void (async () => {
      const folder = await picker.call(window, { mode: 'read' }).catch((error: Error) => (error.name === 'AbortError' ? null : Promise.reject(error)));
      if (!folder) return;
      // The worker lists and reads it (picked-folder.ts): the page holds one handle, not a File per picture.
      const listed = Comlink.proxy((files: number) => (status.textContent = `Reading ${folder.name}: ${files} files`));
      const result = await page.attempt(() => page.engine().addPickedFolder(folder, listed, page.progress('Adding pictures from folders')), status);
      if (result) shown(result.reply, classesFrom(result.classes, folder.name), []);
    })().catch((error: Error) => (status.textContent = error.message));
  });
  folderInput.addEventListener('change', () => {
    const files = [...(folderInput.files ?? [])];
    folderInput.value = '';
    const root = files[0]?.webkitRelativePath.split('/')[0] ?? 'the folder';
    void addFound(files.map((item) => ({ path: item.webkitRelativePath || item.name, item })), root);
  });
  zipInput.addEventListener('change', () => {
    const file = zipInput.files?.[0];
    zipInput.value = '';
    if (file) void addZip(file);
  });
  // Folders or zips dropped on the examples part; pictures dropped on a card stay that card's (images.ts stops them there).
  area.addEventListener('dragover', (event) => event.preventDefault());
  area.addEventListener('drop', (event) => {
    event.preventDefault();
    const entries = [...(event.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
    const zips = [...(event.dataTransfer?.files ?? [])].filter((f) => /\.zip$/i.test(f.name));
    void (async () => {
      for (const zip of zips) await addZip(zip);
      const found = (await Promise.all(entries.filter((e) => !/\.zip$/i.test(e.name)).map(walk))).flat();
      if (found.length) await addFound(found, entries.length === 1 ? entries[0]!.name : 'the dropped folders');
    })();
  });
}

const classesFrom = (n: number, folder: string) => `${n} ${n === 1 ? 'class' : 'classes'} from ${folder}`;

/** Every file under a dropped entry, with its path from the drop ("pets/cats/1.jpg"). */
async function walk(entry: FileSystemEntry): Promise<Found[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: entry.fullPath.replace(/^\//, ''), item: file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(walk))).flat();
}
