import { expect, test } from '@playwright/test';
import { cross, draw } from './lab-drawing';
import { SITE_ISOLATED } from '../../playwright.config';
import { startLab, teachCirclesAndCrosses, TWO_VARIANTS } from './support/lab';

test.describe('without the service worker', () => {
  // page.route cannot see requests that a service worker makes for the page.
  test.use({ serviceWorkers: 'block' });

  test('a model download that fails says so, and trying again loads it', async ({ page }) => {
  // The worker tries a download three times (worker/download.ts) before it gives up; more faults: lab-download-faults.spec.ts.
  let requests = 0;
  await page.route('**/models/sketch-protonet/model.onnx', (route) => (requests++ < 3 ? route.abort('connectionreset') : route.continue()));
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Sketch ProtoNet: the model file could not be downloaded');
  await expect(page.getByRole('status').first()).toContainText('Press Retry to try again');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  expect(requests).toBe(4);
  });
});

test('without a WebGPU adapter the lab says so and runs on WASM; switching the backend keeps the classes', async ({ page }) => {
  await startLab(page);
  await expect(page.getByRole('status').first()).toContainText('onnxruntime-web WASM (SIMD)');
  await expect(page.getByRole('status').first()).toContainText('no WebGPU adapter');
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await page.getByRole('combobox', { name: 'Run on' }).selectOption('wasm');
  await expect(page.getByRole('status').first()).not.toContainText('WebGPU');
  await expect(page.getByRole('status').first()).toContainText('Ready: Sketch ProtoNet');
  await expect(page.locator('.lab-class').nth(1).locator('.count')).toHaveText('2 examples');
  await draw(page, page.locator('[data-lab-query-pad]'), cross(0.5, 0.5, 0.3));
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class B');
});

test('a cross-origin isolated page runs the model on two threads, and still classifies', async ({ page }) => {
  await page.goto(`${SITE_ISOLATED}lab/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByRole('status').first()).toContainText(/2 threads/);
  for (const verdict of await page.locator('.prediction .verdict').allTextContents()) expect(verdict).toMatch(/^Prediction: Letter /);
});
