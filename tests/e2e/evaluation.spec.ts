import { expect, test } from '@playwright/test';
import evaluationsJson from '../../src/data/evaluations.json' with { type: 'json' };
import { evaluationsSchema } from '../../src/schemas/evaluations';

const evaluations = evaluationsSchema.parse(evaluationsJson);

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

test('settings are compared with the baseline by paired differences, and each section says what is held out', async ({ page }) => {
  await page.goto('evaluation/');
  const cosine = evaluations.results.find(
    (r) => r.model === 'sketch-protonet' && r.dataset === 'glyphs-heldout' && r.way === 5 && r.shot === 1 && r.metric === 'cosine' && r.normalize === 'l2' && r.refine === 0,
  )!;
  const d = cosine.vsBaseline;
  const section = page.locator('section', { hasText: 'sketch-protonet on glyphs-heldout' });
  const row = section.locator('tbody tr', { hasText: 'cosine, L2' }).first();
  await expect(row).toContainText(`Δ ${d.difference >= 0 ? '+' : '−'}${(100 * Math.abs(d.difference)).toFixed(1)} ± ${(100 * d.ci95).toFixed(1)}`);
  await expect(section.locator('.held-out')).toContainText('were kept out of training');
  await expect(page.locator('section', { hasText: 'photo-mobilenetv3 on photo-crops' }).locator('.held-out')).toContainText('chosen by their accuracy on this very set');
  await expect(page.locator('section', { hasText: 'raw-pixels on fashion-mnist' }).locator('.held-out')).toContainText('nothing is held out');
  await expect(page.getByRole('heading', { level: 2, name: 'Why raw pixels fail under Poincaré distance' })).toBeVisible();
  await expect(page.locator('th[scope="row"]', { hasText: 'centred on the supports + L2' }).first()).toBeVisible();
  await expect(page.getByText('non-overlapping')).toHaveCount(0);
});
