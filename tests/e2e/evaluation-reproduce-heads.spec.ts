/**
 * "Run this row in my browser" on the learned-metric tables of /evaluation/
 * (issue 25 item 4, rows of npm run eval:heads): the smallest row — the
 * sketch network on photo-kinds, 5-way 1-shot, prototypes and each loss's head
 * on the same 300 episodes (3.4 s in Node, tests/unit/eval-browser/run-row-heads.test.ts)
 * — clicked in Chromium prints the published numbers, identical to the last
 * bit, in the table's own panel (its id differs from the plain table's).
 * The time is printed (the closing note quotes it).
 */
import { expect, test } from '@playwright/test';
import evaluationsJson from '../../src/data/evaluations.json' with { type: 'json' };
import { HEAD_LOSSES } from '../../src/lib/fewshot/head-losses';
import { evaluationsSchema } from '../../src/schemas/evaluations';

const evaluations = evaluationsSchema.parse(evaluationsJson);
const printed = (accuracy: number, ci95: number) => `${(100 * accuracy).toFixed(1)} ± ${(100 * ci95).toFixed(1)}`;
const [MODEL, DATASET] = ['sketch-protonet', 'photo-kinds'];

test(`the learned-metric row of ${MODEL} on ${DATASET}, 5-way 1-shot (prototypes and every loss): identical to the last bit in the browser`, async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('evaluation/');
  const ids = await page.locator('[data-reproduce]').evaluateAll((panels) => panels.map((p) => p.id));
  expect(new Set(ids).size).toBe(ids.length);
  const panel = page.locator(`#reproduce-head-${MODEL}-${DATASET}`);
  await expect(panel).toContainText(/downloads .* MB/);
  await expect(panel).toContainText('first 100 test classes (at most 100 images a class)');
  const started = Date.now();
  await page.getByRole('button', { name: `Run in my browser: 5-way 1-shot, ${MODEL} on ${DATASET}`, exact: true }).click();
  const result = panel.locator('[data-result]');
  await expect(result).toBeVisible({ timeout: 100_000 });
  const status = (await panel.locator('[data-status]').textContent())!;
  const rows = await result.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
  const published = [['none', 'prototypes'], ...HEAD_LOSSES.map((l) => [l.id, l.short])].map(([head, name]) => ({
    name,
    row: evaluations.results.find((r) => r.model === MODEL && r.dataset === DATASET && r.way === 5 && r.shot === 1 && r.head === head)!,
  }));
  console.log(`${MODEL} on ${DATASET}, learned-metric row 5-way 1-shot (${published.length} results, ${published[0]!.row.episodes} episodes each): ${status} (click to result ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const row of rows) console.log(`  ${row.join(' | ')}`);
  expect(rows).toEqual(published.map(({ name, row: r }) => [`5-way 1-shot, ${name}`, printed(r.accuracy, r.ci95), printed(r.accuracy, r.ci95), 'none: the same number to the last bit']));
  expect(status).toContain('Every printed number matches the published one.');
});
