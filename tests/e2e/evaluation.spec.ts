import { expect, test } from '@playwright/test';
import evaluations from '../../src/data/evaluations.json' with { type: 'json' };

test('the evaluation page shows every measured result with its interval', async ({ page }) => {
  await page.goto('evaluation/');
  await expect(page.getByRole('heading', { level: 2, name: 'sketch-protonet on glyphs-heldout' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'raw-pixels on fashion-mnist' })).toBeVisible();
  const cells = await page.locator('tbody td').count();
  expect(cells).toBeGreaterThanOrEqual(evaluations.results.length);
  const baseline = evaluations.results.find(
    (r) => r.model === 'sketch-protonet' && r.dataset === 'glyphs-heldout' && r.way === 5 && r.shot === 1 && r.metric === 'euclidean' && r.normalize === 'none' && r.refine === 0,
  )!;
  await expect(page.locator('section', { hasText: 'sketch-protonet on glyphs-heldout' }).locator('tbody tr').first()).toContainText(
    `${(100 * baseline.accuracy).toFixed(1)} ± ${(100 * baseline.ci95).toFixed(1)}`,
  );
  await expect(page.getByText('Omniglot 98.8 %')).toBeVisible();
});
