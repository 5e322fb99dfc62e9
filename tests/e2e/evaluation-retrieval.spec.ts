import { expect, test } from '@playwright/test';
import evaluationsJson from '../../src/data/evaluations.json' with { type: 'json' };
import { classesSentence } from '../../src/lib/eval/held-out';
import { disagreements, retrievalPercent as percent } from '../../src/lib/eval/retrieval-disagreement';
import { evaluationsSchema } from '../../src/schemas/evaluations';

const file = evaluationsSchema.parse(evaluationsJson);
const rows = file.retrieval ?? [];

test('the retrieval section shows each pair’s rows from evaluations.json, or says plainly that they are not measured yet', async ({ page }) => {
  await page.goto('evaluation/');
  const section = page.locator('section.retrieval-results');
  await expect(section.getByRole('heading', { level: 2, name: 'Retrieval: MAP@R, R-precision and Recall@K' })).toBeVisible();
  await expect(section.getByRole('link', { name: 'A Metric Learning Reality Check' })).toHaveAttribute('href', /papers\/metric-learning-reality-check\/$/);
  if (rows.length === 0) {
    await expect(section.locator('.not-measured')).toHaveText('Not measured yet: run npm run eval:all.');
    await expect(section.locator('table')).toHaveCount(0);
    return;
  }
  await expect(section.locator('.not-measured')).toHaveCount(0);
  const pairs = [...new Set(rows.map((r) => `${r.model}, ${r.dataset}`))];
  // One results table per pair (the Run panels under served pairs hold tables of their own).
  await expect(section.locator('[role="region"][aria-label^="Retrieval, "] table')).toHaveCount(pairs.length);
  for (const pair of pairs) {
    const mine = rows.filter((r) => `${r.model}, ${r.dataset}` === pair);
    const region = section.getByRole('region', { name: `Retrieval, ${pair}`, exact: true });
    const shown = await region.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent!.trim())));
    expect(shown, pair).toEqual(mine.map((r) => [r.mapAtR, r.rPrecision, r.recallAt[1], r.recallAt[2], r.recallAt[4], r.recallAt[8]].map(percent)));
    await expect(section.getByText(classesSentence(mine[0]!.dataset, mine[0]!.classes)).first()).toBeVisible();
  }
  await expect(section.locator('.run-stamp').first()).toContainText('npm run eval:all');
  await expect(section.getByText(`computed from the rows, ${disagreements(rows).length} in all`)).toBeVisible();
});
