import { describe, expect, test } from 'vitest';
import { classFolders, folderName, imageTypeOf } from '../../src/lib/lab/class-folders';

const paths = (list: string[]) => list.map((path) => ({ path, item: path }));
const summary = (r: ReturnType<typeof classFolders<string>>) => r.classes.map((c) => [c.name, c.items.map((i) => i.item)]);

describe('classFolders', () => {
  test('returns one class per folder, ordered by path (numbers as numbers)', () => {
    expect(summary(classFolders(paths(['dogs/a.png', 'cats/10.jpg', 'cats/2.JPG']), 'x'))).toEqual([
      ['cats', ['cats/2.JPG', 'cats/10.jpg']],
      ['dogs', ['dogs/a.png']],
    ]);
  });

  test('looks through folders around all the classes (a picked folder, a zip’s own folder)', () => {
    expect(summary(classFolders(paths(['pets/all/cats/1.jpg', 'pets/all/dogs/2.jpg']), 'x')).map(([n]) => n)).toEqual(['cats', 'dogs']);
  });

  test('a picked folder of pictures alone is one class named after it', () => {
    expect(summary(classFolders(paths(['cats/1.jpg', 'cats/2.jpg']), 'x'))).toEqual([['cats', ['cats/1.jpg', 'cats/2.jpg']]]);
  });

  test('pictures loose at the top take the fallback name; nested folders are classes of their own', () => {
    expect(summary(classFolders(paths(['1.png', 'birds/small/2.png', 'birds/3.png']), 'my zip')).map(([n]) => n)).toEqual(['my zip', 'birds', 'birds / small']);
  });

  test('skips what systems add and lists files that are not pictures', () => {
    const result = classFolders(paths(['__MACOSX/cats/._1.jpg', 'cats/.DS_Store', 'cats/1.jpg', 'cats/notes.txt', 'dogs/Thumbs.db', 'dogs/2.webp']), 'x');
    expect(summary(result)).toEqual([
      ['cats', ['cats/1.jpg']],
      ['dogs', ['dogs/2.webp']],
    ]);
    expect(result.skipped).toEqual(['cats/notes.txt']);
  });
});

describe('imageTypeOf', () => {
  test('returns the MIME type by extension, or undefined', () => {
    expect(imageTypeOf('a/B.JPEG')).toBe('image/jpeg');
    expect(imageTypeOf('a.png')).toBe('image/png');
    expect(imageTypeOf('manifest.json')).toBeUndefined();
    expect(imageTypeOf('README')).toBeUndefined();
  });
});

describe('folderName', () => {
  test('returns a name any file system takes: separators and reserved characters replaced, never empty', () => {
    expect(folderName('cats/dogs')).toBe('cats_dogs');
    expect(folderName('a:b*c?"<>|')).toBe('a_b_c_____');
    expect(folderName(' ..hidden. ')).toBe('hidden');
    expect(folderName('...')).toBe('_');
    expect(folderName('Letter ꓷ')).toBe('Letter ꓷ');
  });
});
