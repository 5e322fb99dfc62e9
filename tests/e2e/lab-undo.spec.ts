/**
 * One request, one reply (issue 27): every change of the lab answers with the
 * classes and the last queries classified again, so the verdicts on screen
 * always follow the lab, through an undo too.
 */
import { expect, test, type Page } from '@playwright/test';

const verdicts = (page: Page) => page.locator('.prediction .verdict');

async function exampleSet(page: Page): Promise<string[]> {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(verdicts(page)).toHaveCount(3, { timeout: 60_000 });
  return verdicts(page).allTextContents();
}

test('after Clear everything, the queries wait for classes, and Undo classifies them again', async ({ page }) => {
  const before = await exampleSet(page);
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(page.locator('.lab-class')).toHaveCount(2);
  await expect(verdicts(page)).toHaveCount(0);
  await expect(page.locator('[data-lab-results]')).toContainText('Prediction needs at least two classes with examples');
  await page.getByRole('button', { name: 'Undo “Clear everything”' }).click();
  await expect(verdicts(page)).toHaveText(before);
});

test('removing a class classifies the queries again in the same reply, and Undo brings its verdicts back', async ({ page }) => {
  const before = await exampleSet(page);
  const first = page.locator('.lab-class').first();
  const name = await first.getByRole('textbox', { name: 'Class name' }).inputValue();
  await first.getByRole('button', { name: 'Remove class' }).click();
  await expect(page.locator('.lab-class')).toHaveCount(2);
  await expect(verdicts(page)).toHaveCount(3);
  await expect(verdicts(page)).not.toContainText([`Prediction: ${name}`]);
  await page.getByRole('button', { name: `Undo “Remove ${name}”` }).click();
  await expect(verdicts(page)).toHaveText(before);
});
