import { expect, test } from '@playwright/test';
import { photo, photoTransfer, startPhotoLab } from './support/lab';

test('with the photo model, classes come from photo files and a new photo finds its class', async ({ page }) => {
  await startPhotoLab(page);
  const classes = page.locator('.lab-class');
  await expect(classes.first().locator('canvas.pad')).toBeHidden();
  await classes.nth(0).locator('input[type="file"]').setInputFiles(photo('chelsea.png'));
  await classes.nth(1).locator('input[type="file"]').setInputFiles(photo('coffee.png'));
  await expect(classes.nth(1).locator('.count')).toHaveText('1 example');
  await page.locator('[data-lab-query-files]').setInputFiles([photo('coffee.png'), photo('chelsea.png')]);
  await expect(page.locator('.prediction .verdict')).toHaveText(['Prediction: Class B', 'Prediction: Class A']);
});

test('images dropped on a class become its examples; dropped or pasted on the query area they are classified', async ({ page }) => {
  // The photo model's start and four replies: past the default 30 s once in CI beside another test on two cores.
  test.setTimeout(90_000);
  await startPhotoLab(page);
  const classes = page.locator('.lab-class');
  await classes.nth(0).dispatchEvent('drop', { dataTransfer: await photoTransfer(page, 'chelsea.png') });
  await expect(classes.nth(0).locator('.count')).toHaveText('1 example');
  await classes.nth(1).dispatchEvent('drop', { dataTransfer: await photoTransfer(page, 'coffee.png') });
  await expect(classes.nth(1).locator('.count')).toHaveText('1 example');

  const queryArea = page.locator('[data-lab-query-drop]');
  await queryArea.dispatchEvent('drop', { dataTransfer: await photoTransfer(page, 'coffee.png') });
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class B');
  const pasted = await photoTransfer(page, 'chelsea.png');
  await queryArea.evaluate((area, clipboardData) => area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true })), pasted);
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class A');
});
