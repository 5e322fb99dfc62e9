import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MODEL_IDS } from '../../src/lib/models/catalog.ts';
import { makeStamp, stampDifferences } from '../../src/lib/results/stamp.ts';
import { stampSchema, type Stamp } from '../../src/schemas/bench-file.ts';

/**
 * A changed model cannot ship with old numbers: every results file's stamps
 * name the SHA-256 of each model and data set it measured, and these must be
 * the files in models/ and datasets/ today (Fashion-MNIST where Debian's
 * package is installed). A file without stamps fails too.
 */
type Json = Record<string, unknown> & { stamp?: unknown; stamps?: unknown[]; bulk?: { stamp?: unknown }; calibration?: { stamp?: unknown } };
const STAMPED: Array<{ file: string; stamps: (json: Json) => unknown[] }> = [
  { file: 'bench/results/kernels.json', stamps: (j) => [j.stamp] },
  { file: 'bench/results/models-browser.json', stamps: (j) => [j.stamp] },
  { file: 'bench/results/lab.json', stamps: (j) => [j.stamp, ...(j.bulk ? [j.bulk.stamp] : [])] },
  { file: 'bench/results/lighthouse.json', stamps: (j) => [j.stamp] },
  { file: 'bench/results/head.json', stamps: (j) => [j.stamp] },
  { file: 'src/data/evaluations.json', stamps: (j) => j.stamps ?? [undefined] },
  { file: 'src/data/calibration.json', stamps: (j) => [j.stamp] },
  // The lab's calibration (npm run fit:calibration) is a result too.
  ...MODEL_IDS.map((id) => ({ file: `models/${id}/card.json`, stamps: (j: Json) => [j.calibration?.stamp] })),
];

const read = (file: string): Json => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));

describe('results stamps', () => {
  for (const { file, stamps } of STAMPED) {
    test(`${file} was measured on the models and data sets in the tree today`, { timeout: 30_000 }, () => {
      for (const raw of stamps(read(file))) {
        const parsed = stampSchema.safeParse(raw);
        expect(parsed.success, `${file} has no valid stamp: rerun the command that writes it (${parsed.error?.message})`).toBe(true);
        expect(stampDifferences(parsed.data!), `${file} was measured on other files: rerun the command that writes it`).toEqual([]);
      }
    });
  }

  test('a stamp whose model or data set changed since is caught', () => {
    const stamp: Stamp = makeStamp({ models: [MODEL_IDS[0]!], datasets: ['photo-kinds'] });
    expect(stampDifferences(stamp)).toEqual([]);
    const changed: Stamp = {
      ...stamp,
      models: stamp.models.map((m, i) => (i === 0 ? { ...m, sha256: '0'.repeat(64) } : m)),
      datasets: stamp.datasets.map((d) => (d.id === 'photo-kinds' ? { ...d, sha256: 'f'.repeat(64) } : d)),
    };
    expect(stampDifferences(changed)).toEqual([expect.stringContaining(stamp.models[0]!.file), expect.stringContaining('datasets/photo-kinds/')]);
  });
});
