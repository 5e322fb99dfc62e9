/// <reference lib="webworker" />
import { classFolders, noPictures, notAPicture } from '../class-folders';
import type { LabReply, Progress } from '../messages';
import { addFolderClasses, type Folder } from './intake';
import type { LabState } from './state';

/**
 * A folder the visitor picked (showDirectoryPicker), read here rather than on
 * the page: its handle is all the page sends. Listing and opening 10,000
 * files there made 10,000 `File` objects in the page's heap, and a Chromium
 * trace of bench:lab --bulk showed a 220 ms major GC of that heap just after
 * the import. Here those objects, and any pause to collect them, are the worker's.
 */

type Found = { path: string; item: FileSystemFileHandle };

/** Reports how many files were listed so far, every this many. */
const REPORT_EVERY = 200;

/** Every file under the folder, with its path from it ("pets/cats/1.jpg"). */
async function list(folder: FileSystemDirectoryHandle, path: string, found: Found[], onListed: (files: number) => void): Promise<void> {
  // values() is in the File System Access spec but not yet in TypeScript's DOM types for workers.
  for await (const handle of (folder as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    if (handle.kind === 'directory') await list(handle as FileSystemDirectoryHandle, `${path}/${handle.name}`, found, onListed);
    else if (found.push({ path: `${path}/${handle.name}`, item: handle as FileSystemFileHandle }) % REPORT_EVERY === 0) onListed(found.length);
  }
}

/** The picked folder's class folders added as classes (addFolderClasses), and how many there were; files that are not pictures by name are named in the reply's problems. */
export async function addPickedFolder(state: LabState, folder: FileSystemDirectoryHandle, onListed: (files: number) => void, onProgress: Progress): Promise<{ reply: LabReply; classes: number }> {
  const found: Found[] = [];
  await list(folder, folder.name, found, onListed);
  const { classes, skipped } = classFolders(found, folder.name);
  if (classes.length === 0) throw new Error(noPictures(folder.name));
  const folders: Folder[] = [];
  for (const c of classes) folders.push({ name: c.name, pictures: await Promise.all(c.items.map(async ({ path, item }) => ({ source: await item.getFile(), name: path }))) });
  const added = await addFolderClasses(state, folders, onProgress, folder.name);
  return { reply: { ...added, problems: [...skipped.map(notAPicture), ...added.problems] }, classes: classes.length };
}
