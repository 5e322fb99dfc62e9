import { expect, test } from '@playwright/test';
import config from '../../playwright.config';

// Chromium's fake camera: a moving test pattern instead of a real device.
const args = [...((config.use?.launchOptions?.args as string[]) ?? []), '--use-fake-device-for-media-stream'];
test.use({ launchOptions: { ...config.use?.launchOptions, args } });

async function startLab(page: import('@playwright/test').Page) {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready:', { timeout: 60_000 });
}

test.describe('with the camera allowed', () => {
  test.use({ permissions: ['camera'] });

  test('photos taken with the camera become examples, and the camera can classify live, then be stopped', async ({ page }) => {
    await startLab(page);
    await page.getByRole('button', { name: 'Turn the camera on' }).click();
    await expect(page.locator('[data-lab-camera-status]')).toHaveText('Camera on. The picture stays on this device.');
    const first = page.locator('.lab-class').first();
    for (let i = 0; i < 3; i++) await first.getByRole('button', { name: 'Take a photo' }).click();
    await expect(first.locator('.count')).toHaveText('3 examples');
    await page.locator('.lab-class').nth(1).locator('input[type="file"]').setInputFiles(new URL('../fixtures/photos/coffee.png', import.meta.url).pathname);
    await page.getByRole('checkbox', { name: 'Live: classify the camera continuously' }).check();
    await expect(page.locator('.prediction .verdict')).toHaveText(/^Prediction: (Class A|Unknown)/);
    await page.getByRole('button', { name: 'Turn the camera off' }).click();
    await expect(page.locator('[data-lab-camera-status]')).toHaveText('Camera off.');
    await expect(page.getByRole('button', { name: 'Take a photo' }).first()).toBeHidden();
  });
});

test.describe('with the camera denied', () => {
  test('the lab says so and everything else keeps working', async ({ page }) => {
    await startLab(page);
    await page.getByRole('button', { name: 'Turn the camera on' }).click();
    await expect(page.locator('[data-lab-camera-status]')).toContainText('Camera access was denied');
    await page.locator('.lab-class').first().locator('input[type="file"]').setInputFiles(new URL('../fixtures/photos/chelsea.png', import.meta.url).pathname);
    await expect(page.locator('.lab-class').first().locator('.count')).toHaveText('1 example');
  });
});
