import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { circle, cross, draw } from './lab-drawing';

/**
 * A model download that breaks (issue 23, item 4), injected with request
 * routing on the model file the lab's worker fetches: a 404, a connection cut
 * every time, a cut-short file, and bytes that are not the card's. The
 * worker tries a broken download three times (worker/download.ts), refuses
 * wrong bytes at once, and names the model and what failed; the page offers
 * Retry. In each case a lab taught before keeps its classes and examples
 * when the model switch fails, on the page and in storage.
 */

// The lab's service worker answers model requests from its own copy (public/sw.js), out of page.route's sight.
test.use({ serviceWorkers: 'block' });

const PHOTO_FILE = '**/models/photo-mobilenetv2-centernet-objectron/model.onnx';
const PHOTO = readFileSync(new URL('../../models/photo-mobilenetv2-centernet-objectron/model.onnx', import.meta.url));
const PHOTO_SHA256: string = JSON.parse(readFileSync(new URL('../../models/photo-mobilenetv2-centernet-objectron/card.json', import.meta.url), 'utf8')).file.sha256;
const READY = { timeout: 60_000 };

/** The lab started on the sketch model, with a renamed class and two drawings in each class. */
async function taughtLab(page: Page) {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Sketch ProtoNet', READY);
  const classes = page.locator('.lab-class');
  for (const [x, y, r] of [[0.5, 0.5, 0.3], [0.45, 0.55, 0.25]] as const) {
    await draw(page, classes.nth(0).locator('canvas.pad'), [circle(x, y, r)]);
    await classes.nth(0).getByRole('button', { name: 'Add drawing' }).click();
    await draw(page, classes.nth(1).locator('canvas.pad'), cross(x, y, r));
    await classes.nth(1).getByRole('button', { name: 'Add drawing' }).click();
  }
  const name = classes.nth(0).getByRole('textbox', { name: 'Class name' });
  await name.fill('circles');
  await name.press('Tab');
  await expectKept(page);
}

/** The lab's two classes, as taught. */
async function expectKept(page: Page) {
  const classes = page.locator('.lab-class');
  await expect(classes).toHaveCount(2);
  await expect(classes.nth(0).getByRole('textbox', { name: 'Class name' })).toHaveValue('circles');
  await expect(classes.nth(0).locator('.count')).toHaveText('2 examples');
  await expect(classes.nth(1).locator('.count')).toHaveText('2 examples');
}

const choosePhotoModel = (page: Page) => page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet-objectron');
const status = (page: Page) => page.getByRole('status').first();
const retry = (page: Page) => page.getByRole('button', { name: 'Retry' });

/** After a failed switch: the sketch model still chosen, the lab as taught, and so it is after a reload (nothing saved is lost). */
async function expectKeptAfterReload(page: Page) {
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('sketch-protonet');
  await expectKept(page);
  await page.reload();
  await page.getByRole('button', { name: 'Resume your lab (2 classes, 4 examples)' }).click();
  await expect(status(page)).toContainText('Ready: Sketch ProtoNet', READY);
  await expectKept(page);
}

test('a 404 is tried again, and the model loads with the classes kept', async ({ page }) => {
  await taughtLab(page);
  let requests = 0;
  await page.route(PHOTO_FILE, (route) => (requests++ === 0 ? route.fulfill({ status: 404, body: 'Not found' }) : route.fallback()));
  await choosePhotoModel(page);
  await expect(status(page)).toContainText('Ready: Photo embedding', READY);
  expect(requests).toBe(2);
  await expect(retry(page)).toBeHidden();
  await expectKept(page);
});

test('a connection cut every time is named, with Retry; once the network is back, Retry loads the model', async ({ page }) => {
  await taughtLab(page);
  let requests = 0;
  await page.route(PHOTO_FILE, (route) => (requests++, route.abort('connectionreset')));
  await choosePhotoModel(page);
  await expect(status(page)).toContainText('Photo embedding: the model file could not be downloaded (the connection failed', READY);
  await expect(status(page)).toContainText('after 3 tries. The lab keeps the model it had, and your classes and examples. Press Retry to try again.');
  expect(requests).toBe(3);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('sketch-protonet');
  await expectKept(page);
  await page.unroute(PHOTO_FILE);
  await retry(page).click();
  await expect(status(page)).toContainText('Ready: Photo embedding', READY);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('photo-mobilenetv2-centernet-objectron');
  await expect(retry(page)).toBeHidden();
  await expectKept(page);
});

test('a cut-short file is tried again, then named; the lab is kept, in storage too', async ({ page }) => {
  await taughtLab(page);
  let requests = 0;
  await page.route(PHOTO_FILE, (route) => (requests++, route.fulfill({ status: 200, contentType: 'application/octet-stream', body: PHOTO.subarray(0, 1_000_000) })));
  await choosePhotoModel(page);
  await expect(status(page)).toContainText(`Photo embedding: the model file could not be downloaded (the file stopped at 1,000,000 of ${PHOTO.length.toLocaleString('en')} bytes), after 3 tries.`, READY);
  await expect(retry(page)).toBeVisible();
  expect(requests).toBe(3);
  await expectKeptAfterReload(page);
});

test('bytes that do not match the card’s SHA-256 are refused by name, at once; the lab is kept, in storage too', async ({ page }) => {
  await taughtLab(page);
  let requests = 0;
  const changed = Buffer.from(PHOTO);
  changed[4096] = 255 - PHOTO[4096]!;
  await page.route(PHOTO_FILE, (route) => (requests++, route.fulfill({ status: 200, contentType: 'application/octet-stream', body: changed })));
  await choosePhotoModel(page);
  await expect(status(page)).toContainText('Photo embedding: the downloaded file does not match its card (SHA-256 ', READY);
  await expect(status(page)).toContainText(`where the card says ${PHOTO_SHA256.slice(0, 12)}…`);
  await expect(retry(page)).toBeVisible();
  expect(requests).toBe(1);
  await expectKeptAfterReload(page);
});
