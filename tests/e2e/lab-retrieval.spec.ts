import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LAB_LAYOUT_WIDTHS, labLayoutInPage } from '../helpers/lab-layout';

/**
 * "How well your examples retrieve each other" (issue 25): the fold asks the
 * worker when it opens; a table per class; a drawing filed under the wrong
 * letter shows up as a confusing pair whose Remove (by keyboard) works and is
 * undone.
 */
const fold = (page: Page) => page.locator('[data-lab-retrieval]');
const table = (page: Page) => fold(page).locator('[data-lab-retrieval-table]');

test.setTimeout(120_000);

test('the example set retrieves itself per class; a mislabelled drawing is a confusing pair that Remove, Move and Undo handle', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('sketch-protonet');
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });

  await fold(page).getByText('How well your examples retrieve each other').click();
  await expect(fold(page).locator('[data-lab-retrieval-queries]')).toContainText('Each of your 15 examples is a query against the other 14');
  await expect(table(page).locator('thead th')).toHaveText(['Class', 'Queries', 'R-precision', 'MAP@R', 'Recall@1']);
  await expect(table(page).locator('tbody th')).toHaveText(['Letter Enni', 'Letter Dhii', 'Letter Do', 'All']);
  await expect(table(page).locator('tbody tr').last().locator('td').first()).toHaveText('15');
  await expect(fold(page).locator('[data-lab-retrieval-pairs]')).toContainText('no confusing pairs');

  // A copy of Letter Dhii's first drawing filed under Letter Enni: its nearest example is that drawing.
  const { presets } = (await (await page.request.get('lab/presets.json')).json()) as { presets: Array<{ model: string; classes: Array<{ images: string[] }> }> };
  const dhii = presets.find((p) => p.model === 'sketch-protonet')!.classes[1]!.images[0]!;
  await page.locator('.lab-class').first().locator('input[type="file"]').setInputFiles({ name: 'dhii.png', mimeType: 'image/png', buffer: Buffer.from(dhii.split(',')[1]!, 'base64') });
  await expect(page.locator('.lab-class').first().locator('.count')).toHaveText('6 examples');
  await expect(fold(page).locator('[data-lab-retrieval-queries]')).toContainText('Each of your 16 examples');
  const pair = fold(page).locator('.retrieval-pair').first();
  await expect(pair).toContainText('its nearest example is');
  await expect(pair.locator('img')).toHaveCount(2);
  for (const img of await pair.locator('img').all()) expect(await img.getAttribute('alt')).toMatch(/^Letter (Enni|Dhii) example \d$/);
  // The pairs and tables fit at every width the lab is checked at, and pass axe, in both themes.
  for (const width of LAB_LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const layout = await page.evaluate(labLayoutInPage);
    expect.soft(layout.problems, `at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('[data-lab-retrieval]').analyze();
    expect.soft(results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
  const remove = pair.getByRole('button', { name: /^Remove / });
  const label = (await remove.textContent())!;
  // The copy finds Letter Dhii's drawings before its own class's: the lowest MAP@R, so it is the pair's first example.
  expect(label).toBe('Remove Letter Enni example 6');
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab-class .count')).toHaveText(['5 examples', '5 examples', '5 examples']);
  await expect(fold(page).locator('[data-lab-retrieval-pairs]')).toContainText('no confusing pairs');

  await page.getByRole('button', { name: `Undo “${label}”` }).click();
  await expect(fold(page).locator('.retrieval-pair')).not.toHaveCount(0);
  await expect(fold(page).locator('[data-lab-retrieval-queries]')).toContainText('Each of your 16 examples');
  await expect(page.locator('.lab-class .count')).toHaveText(['6 examples', '5 examples', '5 examples']);

  // Move: the copy goes to Letter Dhii, where it belongs; undoable too.
  await fold(page).locator('.retrieval-pair').first().getByRole('button', { name: 'Move Letter Enni example 6 to Letter Dhii' }).click();
  await expect(page.locator('.lab-class .count')).toHaveText(['5 examples', '6 examples', '5 examples']);
  await expect(fold(page).locator('[data-lab-retrieval-pairs]')).toContainText('no confusing pairs');
  await page.getByRole('button', { name: 'Undo “Move Letter Enni example 6 to Letter Dhii”' }).click();
  await expect(page.locator('.lab-class .count')).toHaveText(['6 examples', '5 examples', '5 examples']);
});
