import { expect, test, type Locator } from '@playwright/test';

/** The controls of the figures on the semi-supervised, large-output-spaces and stochastic-shared-embeddings topics (issue 26). */
async function goLive(figure: Locator) {
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
}

test('label propagation: steps spread the labels, and Enter switches a labelled point’s class', async ({ page }) => {
  await page.goto('topics/semi-supervised/');
  const figure = page.locator('#figure-label-propagation');
  await goLive(figure);
  const summary = figure.locator('[data-summary]');
  await expect(summary).toContainText('60 have not been reached');
  const step = figure.getByRole('button', { name: 'One more step' });
  for (let i = 0; i < 3; i++) await step.click();
  await expect(summary).toContainText('After 3 steps');
  await expect(summary).not.toContainText('60 have not been reached');
  await figure.locator('[data-handle="l0"]').focus();
  await page.keyboard.press('Enter');
  await expect(summary).toContainText('labelled point 1 (class B)');
  await expect(figure.locator('[data-handle="l0"]')).toHaveClass(/class-1/);
  await figure.getByRole('button', { name: 'Back to step 0' }).click();
  await expect(summary).toContainText('After 0 steps');
});

test('sampled softmax: the mode buttons and m change what the summary measures', async ({ page }) => {
  await page.goto('topics/large-output-spaces/');
  const figure = page.locator('#figure-sampled-softmax');
  await goLive(figure);
  const summary = figure.locator('[data-summary]');
  await expect(summary).toContainText('m = 8 uniform negatives');
  await figure.getByRole('button', { name: 'Hard negatives' }).click();
  await expect(summary).toContainText('m = 8 hard negatives (the top 8 of a uniform pool of 32)');
  await figure.getByRole('slider', { name: 'Sampled negatives m' }).fill('64');
  await expect(summary).toContainText('m = 64 hard negatives');
});

test('stochastic shared embeddings: the setting point moves p and d, and the epochs slider retrains', async ({ page }) => {
  await page.goto('topics/stochastic-shared-embeddings/');
  const figure = page.locator('#figure-shared-embeddings');
  await goLive(figure);
  const summary = figure.locator('[data-summary]');
  await expect(summary).toContainText('Embedding size d = 12, 60 epochs. At swap probability p = 0.20');
  await figure.locator('[data-handle="setting"]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(summary).not.toContainText('p = 0.20:');
  await figure.getByRole('slider', { name: 'Epochs' }).fill('40');
  await expect(summary).toContainText('40 epochs');
});
