import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkComplete, sniffImage } from '../../src/lib/images/sniff.ts';
import { readSavedLabFile } from '../../src/lib/lab/worker/saved-lab.ts';
import { parseModelCard } from '../../src/lib/models/card.ts';

/** The corpus in tests/fixtures/bad/ and what each file must get (tests/e2e/bad-input.spec.ts feeds the same files to the lab in Chromium). */
const corpus = new URL('../fixtures/bad/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8'));
const bytes = (file: string) => new Uint8Array(readFileSync(new URL(file, corpus)));

/** The checks the lab runs on a file before the browser decodes it. */
function checkBeforeDecoding(file: string) {
  const data = bytes(file);
  const info = sniffImage(data.subarray(0, 65536), file);
  checkComplete(info.kind, data.subarray(Math.max(0, data.length - 1024)), file);
}

describe('the bad-input corpus, before decoding', () => {
  for (const entry of manifest.examples as Array<{ file: string; accepted?: boolean; message?: string }>) {
    test(entry.accepted ? `${entry.file} passes` : `${entry.file} is refused with its message`, () => {
      if (entry.accepted) expect(() => checkBeforeDecoding(entry.file)).not.toThrow();
      else expect(() => checkBeforeDecoding(entry.file)).toThrow(new RegExp(entry.message!));
    });
  }

  test('the lab refuses a corrupt saved lab as not JSON, and one from a future version by its version, naming each', () => {
    const read = (file: string) => readSavedLabFile(new TextDecoder().decode(bytes(file)), file);
    expect(() => read('lab-corrupt.json')).toThrow(/^lab-corrupt.json is not a saved lab: it is not JSON\.$/);
    expect(() => read('lab-from-the-future.json')).toThrow(/newer Metric Atlas \(format version 7\)/);
  });

  for (const entry of manifest.cards as Array<{ file: string; message: string }>) {
    test(`the model card ${entry.file} is refused, naming the field`, () => {
      expect(() => parseModelCard(JSON.parse(new TextDecoder().decode(bytes(entry.file))))).toThrow(new RegExp(`not valid.*${entry.message}`));
    });
  }
});
