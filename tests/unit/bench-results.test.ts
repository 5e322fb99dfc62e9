import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { kernelsBenchSchema } from '../../src/schemas/bench-kernels.ts';
import { labBenchSchema } from '../../src/schemas/bench-lab.ts';
import { lighthouseBenchSchema } from '../../src/schemas/bench-lighthouse.ts';
import { modelsBrowserBenchSchema } from '../../src/schemas/bench-models-browser.ts';
import { headBenchSchema } from '../../src/schemas/bench-head.ts';
import { evaluationsSchema } from '../../src/schemas/evaluations.ts';
import { calibrationFileSchema } from '../../src/schemas/calibration-results.ts';

/** Every results file the site publishes, the schema it must follow (stamp included) and the command that writes it. */
const FILES = [
  { file: 'bench/results/kernels.json', schema: kernelsBenchSchema, command: 'npm run bench:kernels' },
  { file: 'bench/results/models-browser.json', schema: modelsBrowserBenchSchema, command: 'npm run bench:models-browser' },
  { file: 'bench/results/lab.json', schema: labBenchSchema, command: 'npm run bench:lab -- --bulk' },
  { file: 'bench/results/lighthouse.json', schema: lighthouseBenchSchema, command: 'npm run audit' },
  { file: 'bench/results/head.json', schema: headBenchSchema, command: 'npm run bench:head' },
  { file: 'src/data/evaluations.json', schema: evaluationsSchema, command: 'npm run eval:all && npm run eval:heads' },
  { file: 'src/data/calibration.json', schema: calibrationFileSchema, command: 'npm run eval:calibration' },
];

const url = (file: string) => new URL(`../../${file}`, import.meta.url);
const read = (file: string): unknown => JSON.parse(readFileSync(url(file), 'utf8'));

describe('results files', () => {
  for (const { file, schema, command } of FILES) {
    test(`${file} exists and follows its schema, stamp included`, () => {
      expect(existsSync(url(file)), `${file} is missing: ${command} writes it`).toBe(true);
      const result = schema.safeParse(read(file));
      expect(result.success, `${file} (${command} rewrites it): ${result.error?.message}`).toBe(true);
    });
  }

  // A results file nobody lists here would never be checked, and a page that globs for it would skip it quietly when it went missing.
  test('every file in bench/results/ is listed above, so none goes unchecked', () => {
    const listed = FILES.map((f) => f.file);
    expect(readdirSync(url('bench/results/')).map((name) => `bench/results/${name}`).filter((file) => !listed.includes(file))).toEqual([]);
  });

  test('a row with a model outside the catalog, or a field the schema does not know, is refused', () => {
    const lab = read('bench/results/lab.json') as { rows: Array<Record<string, unknown>> };
    expect(labBenchSchema.safeParse({ ...lab, rows: [{ ...lab.rows[0], model: 'sketch-protonet-v0' }] }).success).toBe(false);
    expect(labBenchSchema.safeParse({ ...lab, rows: [{ ...lab.rows[0], seconds: 1 }] }).success).toBe(false);
  });

  test('a file without its stamp is refused', () => {
    const { stamp: _, ...unstamped } = read('bench/results/kernels.json') as Record<string, unknown>;
    expect(kernelsBenchSchema.safeParse(unstamped).success).toBe(false);
  });
});
