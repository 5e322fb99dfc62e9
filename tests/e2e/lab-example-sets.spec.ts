import { expect, test } from '@playwright/test';

for (const [model, expected] of [
  ['sketch-protonet', /^Prediction: Letter /],
  ['photo-mobilenetv2-centernet-objectron', /^Prediction: (fruit|vehicles|kitchenware)$/],
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
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet-objectron');
  await textures.click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  const verdicts = await page.locator('.prediction .verdict').allTextContents();
  expect(verdicts.map((v) => v.replace('Prediction: ', ''))).toEqual(['brick', 'grass', 'gravel']);
  await expect(page.locator('[data-lab-file-status]')).toContainText(/Example set “Three textures”: .*CC0/);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('sketch-protonet');
  await expect(textures).toBeHidden();
});
