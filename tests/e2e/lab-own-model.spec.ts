import { expect, test, type Page } from '@playwright/test';

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
