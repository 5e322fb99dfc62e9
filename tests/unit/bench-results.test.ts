import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { kernelsBenchSchema } from '../../src/schemas/bench-kernels.ts';
import { labBenchSchema } from '../../src/schemas/bench-lab.ts';
import { lighthouseBenchSchema } from '../../src/schemas/bench-lighthouse.ts';
import { modelsBrowserBenchSchema } from '../../src/schemas/bench-models-browser.ts';
import { headBenchSchema } from '../../src/schemas/bench-head.ts';

const FILES = [
  { file: 'kernels.json', schema: kernelsBenchSchema },
  { file: 'models-browser.json', schema: modelsBrowserBenchSchema },
  { file: 'lab.json', schema: labBenchSchema },
  { file: 'lighthouse.json', schema: lighthouseBenchSchema },
  { file: 'head.json', schema: headBenchSchema },
];

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../bench/results/${file}`, import.meta.url), 'utf8'));

describe('bench/results', () => {
  for (const { file, schema } of FILES) {
    test.runIf(existsSync(new URL(`../../bench/results/${file}`, import.meta.url)))(`${file} follows its schema`, () => {
      const result = schema.safeParse(read(file));
      expect(result.success, result.error?.message).toBe(true);
    });
  }

  test('a row with a model outside the catalog, or a field the schema does not know, is refused', () => {
    const lab = read('lab.json') as { rows: Array<Record<string, unknown>> };
    expect(labBenchSchema.safeParse({ ...lab, rows: [{ ...lab.rows[0], model: 'sketch-protonet-v0' }] }).success).toBe(false);
    expect(labBenchSchema.safeParse({ ...lab, rows: [{ ...lab.rows[0], seconds: 1 }] }).success).toBe(false);
  });
});
