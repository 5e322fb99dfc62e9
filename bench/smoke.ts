/**
 * `--smoke`: every benchmark takes one short pass through each path it measures, checks the result against its
 * schema, and writes nothing. `npm run bench:smoke` (part of `npm test`) runs them all, so a benchmark that no
 * longer runs on today's code fails the tests instead of leaving its old numbers on the Performance page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SMOKE = process.argv.includes('--smoke');

/** The full run's value, or the smoke run's. */
export const full = <T>(fullRun: T, smokeRun: T): T => (SMOKE ? smokeRun : fullRun);

/** Writes a results file (already parsed by its schema), or in a smoke run says that the pass completed. */
export function writeResults(file: URL, value: unknown): void {
  if (SMOKE) {
    console.log(`smoke: ${fileURLToPath(file).split('/bench/').at(-1)} would be written; every path ran and the result follows its schema.`);
    return;
  }
  mkdirSync(dirname(fileURLToPath(file)), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
