import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { circle, cross, draw } from './lab-drawing';
import { SITE_ISOLATED } from '../../playwright.config';

/** Teaches Class A circles and Class B crosses, one drawing per variant (x, y, radius). */
async function teachCirclesAndCrosses(page: Page, variants: ReadonlyArray<readonly [number, number, number]>) {
  const classes = page.locator('.lab-class');
  for (const [x, y, r] of variants) {
    await draw(page, classes.nth(0).locator('canvas.pad'), [circle(x, y, r)]);
    await classes.nth(0).getByRole('button', { name: 'Add drawing' }).click();
    await draw(page, classes.nth(1).locator('canvas.pad'), cross(x, y, r));
    await classes.nth(1).getByRole('button', { name: 'Add drawing' }).click();
  }
  const expected = `${variants.length} examples`;
  await expect(classes.nth(0).locator('.count')).toHaveText(expected);
  await expect(classes.nth(1).locator('.count')).toHaveText(expected);
}

async function renameFirstClass(page: Page, name: string) {
  const input = page.locator('.lab-class').nth(0).getByRole('textbox', { name: 'Class name' });
  await input.fill(name);
  await input.press('Tab');
}

const TWO_VARIANTS = [[0.5, 0.5, 0.3], [0.45, 0.55, 0.25]] as const;

async function startLab(page: Page) {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  await expect(page.locator('.lab-class')).toHaveCount(2);
}

test('a visitor teaches two drawn classes and the lab classifies new drawings, on this device only', async ({ page }) => {
  const requests: Array<{ url: string; method: string }> = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  await startLab(page);
  await teachCirclesAndCrosses(page, [...TWO_VARIANTS, [0.55, 0.45, 0.35]]);

  const query = page.locator('[data-lab-query-pad]');
  await draw(page, query, [circle(0.5, 0.52, 0.28)]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class A');
  await expect(page.getByRole('meter', { name: 'Confidence in Class A' })).toBeVisible();

  await expect(page.locator('.prediction .nearest img')).toHaveCount(3);
  await expect(page.getByRole('img', { name: /^Embedding map/ })).toBeVisible();
  // 6 examples, 1 query, 2 prototypes, in the map's text alternative (built when its fold opens).
  await page.getByText('The map as a table (9 points)').click();
  await expect(page.locator('.map-table tbody tr')).toHaveCount(9);

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await draw(page, query, cross(0.5, 0.5, 0.3));
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: Class B');

  for (const { url, method } of requests) {
    expect(new URL(url).origin).toBe('http://127.0.0.1:4321');
    expect(method).toBe('GET');
  }
});

test('a drawing unlike every class is answered "unknown"', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await draw(page, page.locator('[data-lab-query-pad]'), [[[0.1, 0.5], [0.9, 0.52]], [[0.1, 0.2], [0.9, 0.22]]]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText(/^Prediction: Unknown/);
});

test('a file that is not an image gets its own message and loses nothing else', async ({ page }) => {
  await startLab(page);
  const first = page.locator('.lab-class').first();
  await draw(page, first.locator('canvas.pad'), [circle(0.5, 0.5, 0.3)]);
  await first.getByRole('button', { name: 'Add drawing' }).click();
  await first.locator('input[type="file"]').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is text, not a photo') });
  await expect(first.locator('.message')).toContainText('holiday.jpg is not an image the lab can read');
  await expect(first.locator('.count')).toHaveText('1 example');
});

test('classifying before any class has examples says what is missing', async ({ page }) => {
  await startLab(page);
  await draw(page, page.locator('[data-lab-query-pad]'), [circle(0.5, 0.5, 0.3)]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('[data-lab-results] .message')).toContainText('at least two classes with examples');
});

test('the lab has no accessibility violations once started', async ({ page }) => {
  await startLab(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

const photo = (name: string) => new URL(`../fixtures/photos/${name}`, import.meta.url).pathname;

async function startPhotoLab(page: Page) {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Photo embedding', { timeout: 60_000 });
  await expect(page.locator('.lab-class')).toHaveCount(2);
}

/** A DataTransfer in the page holding the fixture photo, as a drop or a paste would carry it. */
function photoTransfer(page: Page, name: string) {
  return page.evaluateHandle(
    ([data, fileName]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data as number[])], fileName as string, { type: 'image/png' }));
      return dt;
    },
    [Array.from(readFileSync(photo(name))), name] as const,
  );
}

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

test('a reload offers the saved lab, and resuming restores classes, examples and names', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await renameFirstClass(page, 'circles <b>!</b>');
  await page.locator('select[name="metric"]').selectOption('cosine');
  await page.reload();
  await page.getByRole('button', { name: /Resume your lab \(2 classes, 4 examples\)/ }).click();
  const classes = page.locator('.lab-class');
  await expect(classes).toHaveCount(2);
  await expect(classes.nth(0).getByRole('textbox', { name: 'Class name' })).toHaveValue('circles <b>!</b>');
  await expect(classes.nth(0).locator('.count')).toHaveText('2 examples');
  await expect(page.locator('select[name="metric"]')).toHaveValue('cosine');
  await expect(page.locator('b')).toHaveCount(0);
  await draw(page, page.locator('[data-lab-query-pad]'), [circle(0.5, 0.5, 0.28)]);
  await page.getByRole('button', { name: 'Classify drawing' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveText('Prediction: circles <b>!</b>');
});

test('export, clear and import give back the same lab; a damaged file is refused', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(page.locator('.lab-class').nth(0).locator('.count')).toHaveText('No examples yet.');
  await page.locator('[data-lab-import]').setInputFiles({ name: 'lab.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.locator('[data-lab-file-status]')).toContainText('Imported lab.json: 2 classes.');
  await expect(page.locator('.lab-class').nth(1).locator('.count')).toHaveText('2 examples');
  const download2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  // The same classes, example ids, pictures (byte for byte) and embeddings.
  const again = JSON.parse(readFileSync(await (await download2).path(), 'utf8'));
  expect(again.classes).toEqual(JSON.parse(exported).classes);
  expect(again.classes.flatMap((c: { examples: unknown[] }) => c.examples)).toHaveLength(4);

  await page.locator('[data-lab-import]').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...JSON.parse(exported), version: 9 })) });
  await expect(page.locator('[data-lab-file-status]')).toContainText('saved by a newer Metric Atlas');
  await page.locator('[data-lab-import]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "metric') });
  await expect(page.locator('[data-lab-file-status]')).toContainText('broken.json is not a saved lab');
  await expect(page.locator('.lab-class').nth(1).locator('.count')).toHaveText('2 examples');
});

test('an example can be removed on its own', async ({ page }) => {
  await startLab(page);
  await teachCirclesAndCrosses(page, TWO_VARIANTS);
  await renameFirstClass(page, 'circles <b>!</b>');
  await page.getByRole('button', { name: 'Remove example 1 of circles <b>!</b>' }).click();
  await expect(page.locator('.lab-class').nth(0).locator('.count')).toHaveText('1 example');
});

for (const [model, expected] of [
  ['sketch-protonet', /^Prediction: Letter /],
  ['photo-mobilenetv2-centernet', /^Prediction: (fruit|vehicles|kitchenware)$/],
] as const) {
  test(`the ${model} example set loads with one click, credited, and classifies its queries`, async ({ page }) => {
    await page.goto('lab/');
    await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
    await page.getByRole('button', { name: 'Try an example set' }).click();
    await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
    const verdicts = await page.locator('.prediction .verdict').allTextContents();
    for (const verdict of verdicts) expect(verdict).toMatch(expected);
    const classNames = await page.getByRole('textbox', { name: 'Class name' }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(verdicts.map((v) => v.replace('Prediction: ', ''))).toEqual(classNames);
    await expect(page.locator('[data-lab-file-status]')).toContainText(/Example set .*(SIL Open Font License|tuxpaint-stamps-default .*GPL-2)/);
  });
}

test('the photo model’s second example set, three textures, is a button beside the first while that model is chosen', async ({ page }) => {
  await page.goto('lab/');
  const textures = page.getByRole('button', { name: 'Try the texture set' });
  await expect(textures).toBeHidden();
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet');
  await textures.click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  const verdicts = await page.locator('.prediction .verdict').allTextContents();
  expect(verdicts.map((v) => v.replace('Prediction: ', ''))).toEqual(['brick', 'grass', 'gravel']);
  await expect(page.locator('[data-lab-file-status]')).toContainText(/Example set “Three textures”: .*CC0/);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('sketch-protonet');
  await expect(textures).toBeHidden();
});

test('a cross-origin isolated page runs the model on two threads, and still classifies', async ({ page }) => {
  await page.goto(`${SITE_ISOLATED}lab/`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByRole('status').first()).toContainText(/2 threads/);
  for (const verdict of await page.locator('.prediction .verdict').allTextContents()) expect(verdict).toMatch(/^Prediction: Letter /);
});

test.describe('a model of the visitor’s own', () => {
  const sketchModel = new URL('../../models/sketch-protonet/model.onnx', import.meta.url).pathname;

  async function fillCard(page: Page, overrides: Record<string, string> = {}) {
    await page.goto('lab/');
    await page.getByRole('combobox', { name: 'Model' }).selectOption('custom');
    const form = page.locator('[data-lab-custom]');
    await form.getByLabel('Kind').selectOption('sketch');
    await form.getByLabel('Channels').selectOption('1');
    await form.getByLabel('Height').fill('28');
    await form.getByLabel('Width').fill('28');
    await form.getByLabel('Embedding size').fill(overrides.dim ?? '128');
    await form.getByLabel('Input name').fill(overrides.inputName ?? 'input');
    return form;
  }

  test('loads from a local file with a card entered in the form, and starts the lab with it', async ({ page }) => {
    const form = await fillCard(page);
    await form.getByLabel('ONNX file').setInputFiles(sketchModel);
    await form.getByRole('button', { name: 'Load my model' }).click();
    await expect(form.locator('[data-lab-custom-message]')).toHaveText('Your model is loaded. It stays on this device.');
    await expect(page.getByRole('status').first()).toContainText('model.onnx (your model), 128-d');
    await expect(page.locator('.lab-class')).toHaveCount(2);
  });

  test('explains a file that is not ONNX, a wrong input name and a wrong embedding size', async ({ page }) => {
    let form = await fillCard(page);
    await form.getByLabel('ONNX file').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model') });
    await form.getByRole('button', { name: 'Load my model' }).click();
    await expect(form.locator('[data-lab-custom-message]')).toContainText('could not be loaded as ONNX');

    form = await fillCard(page, { inputName: 'image' });
    await form.getByLabel('ONNX file').setInputFiles(sketchModel);
    await form.getByRole('button', { name: 'Load my model' }).click();
    await expect(form.locator('[data-lab-custom-message]')).toContainText('names the input "image", but the model\'s inputs are: input');

    form = await fillCard(page, { dim: '64' });
    await form.getByLabel('ONNX file').setInputFiles(sketchModel);
    await form.getByRole('button', { name: 'Load my model' }).click();
    await expect(form.locator('[data-lab-custom-message]')).toContainText('but the card says 64');
  });
});
