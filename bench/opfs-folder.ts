/**
 * A picked folder as Chromium's folder picker hands it over, for bench:lab's
 * bulk run: the page's "Pick a folder" opens showDirectoryPicker where the
 * browser has it (src/lib/lab/page/folder-import.ts), a native dialog that
 * Playwright cannot answer. So the files are first copied into the origin's
 * private file system (a real FileSystemDirectoryHandle, read entry by entry
 * through the browser as a disk folder is) and the picker answers with that
 * folder. The copy is set-up, done before the measured import: its long
 * tasks are not counted, and its garbage is collected before (collectSetUpGarbage).
 */
import type { Page } from '@playwright/test';

/**
 * The copy leaves thousands of `File` objects on the page (the input's list) as garbage, which a visitor's import
 * through the picker never makes. A major GC of the page's heap during the measured import (220 ms in one Chromium
 * trace) could be collecting them; so the set-up ends with that collection, forced through the DevTools protocol.
 */
async function collectSetUpGarbage(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('HeapProfiler.collectGarbage');
  await devtools.detach();
}

export async function pickerAnswersWith(page: Page, folder: string): Promise<number> {
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-folder', hidden: true, webkitdirectory: true });
    document.body.append(input);
  });
  await page.locator('#bench-folder').setInputFiles(folder);
  const copied = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('#bench-folder')!;
    const files = [...input.files!];
    input.remove();
    const root = await navigator.storage.getDirectory();
    for (const file of files) {
      const parts = file.webkitRelativePath.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(file);
      await writable.close();
    }
    const picked = await root.getDirectoryHandle(files[0]!.webkitRelativePath.split('/')[0]!);
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => picked;
    return files.length;
  });
  await collectSetUpGarbage(page);
  return copied;
}
