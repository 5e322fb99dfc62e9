/// <reference lib="webworker" />
import { labZipManifestSchema, MANIFEST_PATH } from '../../../schemas/lab-zip';
import { classFolders, folderName, imageTypeOf, type ClassFolder } from '../class-folders';
import { currentModelId, isModelId } from '../../models/catalog';
import { SavedLabError } from './saved-lab';
import { exportLab, importLab } from './saved-file';
import type { LabShape, StoredExample } from './store';
import { readZip, writeZip, type ZipEntry, type ZipSource } from './zip-archive';

/**
 * The lab as a zip: one folder per class holding its pictures as kept (byte
 * for byte), and manifest.json, the saved lab with each picture named by its
 * path. A zip with a manifest opens as that lab, losslessly; any other zip
 * (class folders from anywhere) gives one class per folder.
 */

/** Each class's folder: its safe name, numbered where two would meet (case-insensitively). */
function classFolderNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = folderName(name);
    let folder = base;
    for (let n = 2; taken.has(folder.toLocaleLowerCase()); n++) folder = `${base} (${n})`;
    taken.add(folder.toLocaleLowerCase());
    return folder;
  });
}

const extensionOf = (blob: Blob) => (blob.type === 'image/jpeg' ? 'jpg' : 'png');

/** Pictures as files in `folder`: 0001.png, 0002.jpg, … */
function pictureFiles(folder: string, originals: Blob[]): ZipSource[] {
  const width = Math.max(4, String(originals.length).length);
  return originals.map((data, i) => ({ path: `${folder}/${String(i + 1).padStart(width, '0')}.${extensionOf(data)}`, data }));
}

export async function labToZip(shape: LabShape, examples: ReadonlyMap<string, StoredExample>, onProgress?: (done: number) => void): Promise<Blob> {
  const folders = classFolderNames(shape.classes.map((c) => c.name));
  const files = shape.classes.flatMap((c, i) => pictureFiles(folders[i]!, c.exampleIds.map((id) => examples.get(id)!.original)));
  const pathOf = new Map(shape.classes.flatMap((c) => c.exampleIds).map((id, i) => [id, files[i]!.path]));
  const manifest = await (await exportLab(shape, examples, async (id) => pathOf.get(id)!)).text();
  return writeZip([{ path: MANIFEST_PATH, data: manifest }, ...files], onProgress);
}

/** One class's pictures as a zip of one folder (its "download these pictures"). */
export function classToZip(name: string, originals: Blob[]): Promise<Blob> {
  return writeZip(pictureFiles(folderName(name), originals));
}

export type ZipContents =
  | { kind: 'lab'; lab: { shape: LabShape; examples: Map<string, StoredExample> } }
  | { kind: 'folders'; classes: ClassFolder<ZipEntry>[]; skipped: string[] };

/** What a zip holds: a lab (its manifest checked, every picture found) or class folders. */
export async function readLabZip(file: Blob, fileName: string): Promise<ZipContents> {
  const entries = await readZip(file, fileName);
  const manifest = entries.find((e) => e.path === MANIFEST_PATH);
  if (!manifest) {
    const { classes, skipped } = classFolders(entries.map((item) => ({ path: item.path, item })), fileName.replace(/\.zip$/i, ''));
    if (classes.length === 0) throw new SavedLabError(`${fileName} holds no pictures (PNG, JPEG, WebP, GIF, BMP or AVIF files in folders).`);
    return { kind: 'folders', classes, skipped };
  }
  let value: unknown;
  try {
    value = JSON.parse(await (await manifest.read()).text());
  } catch {
    throw new SavedLabError(`The manifest in ${fileName} is not JSON.`);
  }
  const parsed = labZipManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SavedLabError(`The manifest in ${fileName} is damaged: ${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}.`);
  }
  const saved = { ...parsed.data, modelId: currentModelId(parsed.data.modelId) };
  if (!isModelId(saved.modelId)) throw new SavedLabError(`${fileName} uses a model this site does not have ("${saved.modelId}").`);
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const lab = await importLab(saved, async (path) => {
    const entry = byPath.get(path);
    if (!entry) throw new SavedLabError(`${fileName} is missing ${path}, which its manifest lists.`);
    return entry.read(imageTypeOf(path));
  });
  return { kind: 'lab', lab };
}
