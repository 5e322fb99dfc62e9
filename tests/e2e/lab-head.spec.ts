import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * Learning a metric from the visitor's examples (issue 13): trained in the
 * worker with progress, verdicts and the knowledge report use it, it is saved
 * and restored, exported and imported, and one click goes back to prototypes.
 */
const head = (page: Page) => page.locator('[data-lab-head]');
const status = (page: Page) => page.locator('[data-lab-head-status]');

async function exampleSet(page: Page) {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('sketch-protonet');
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
}

async function learn(page: Page, loss: string, steps?: number) {
  await head(page).getByRole('combobox', { name: 'Loss' }).selectOption({ label: loss });
  // Choosing a loss fills in its default steps and learning rate; a visitor's own number goes in after.
  if (steps) await head(page).getByRole('spinbutton', { name: 'Steps' }).fill(String(steps));
  await head(page).getByRole('button', { name: 'Learn the metric' }).click();
  await expect(status(page)).toContainText('On: verdicts, confidences, “unknown” and the map use the metric learned with', { timeout: 30_000 });
}

test('learns a metric with each loss: the verdicts and the knowledge report use it, and one click goes back to prototypes', async ({ page }) => {
  await exampleSet(page);
  const table = page.locator('[data-lab-knowledge-table]');
  await expect(table.locator('thead th')).toHaveText(['Class', 'With prototypes']);
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(page.locator('[data-lab-confusion] caption')).toContainText('Confusion matrix (prototypes)');
  for (const loss of ['SoftTriple (two centres per class)', 'Multi-Similarity (supports and proxies)', 'Circle loss (supports and proxies)', 'Normalised softmax over class proxies']) {
    await learn(page, loss);
    await expect(status(page)).toContainText(loss);
    await expect(table.locator('thead th')).toHaveText(['Class', 'With prototypes', 'With the learned metric']);
    await expect(page.locator('[data-lab-confusion] caption')).toContainText('Confusion matrix (learned metric)');
    await expect(page.locator('.prediction .verdict')).toHaveCount(3);
  }
  // Every example of the set is judged once: 5 per class.
  await expect(table.locator('tbody tr').last().locator('td')).toHaveText([/of 15\)/, /of 15\)/]);
  await expect(page.locator('.calibration-note').first()).toContainText('With the learned metric, a query is “unknown” when');
  await head(page).getByRole('button', { name: 'Back to plain prototypes' }).click();
  await expect(status(page)).toContainText('verdicts use plain prototypes');
  await expect(table.locator('thead th')).toHaveText(['Class', 'With prototypes']);
  await expect(head(page).getByRole('button', { name: 'Back to plain prototypes' })).toBeHidden();
});

test('the learned metric is saved with the lab: a reload and an export → import both bring it back', async ({ page }, testInfo) => {
  await exampleSet(page);
  await learn(page, 'SoftTriple (two centres per class)', 60);
  const knows = (await page.locator('[data-lab-knowledge]').textContent())!;

  await page.reload();
  await page.getByRole('button', { name: /Resume your lab/ }).click();
  await expect(status(page)).toContainText('SoftTriple (two centres per class) (60 steps', { timeout: 30_000 });
  // Retrained from the same examples with the same settings: the same head, so the same held-out judgements.
  await expect(page.locator('[data-lab-knowledge]')).toHaveText(knows);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = testInfo.outputPath('lab.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).head).toEqual({ loss: 'soft-triple', steps: 60, rate: 0.1 });

  await head(page).getByRole('button', { name: 'Back to plain prototypes' }).click();
  await expect(status(page)).toContainText('verdicts use plain prototypes');
  await page.locator('[data-lab-import]').setInputFiles(file);
  await expect(status(page)).toContainText('SoftTriple (two centres per class) (60 steps', { timeout: 30_000 });
  await expect(page.locator('[data-lab-knowledge]')).toHaveText(knows);
});

test('offered only once two classes have two examples each, and says so', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('sketch-protonet');
  await page.getByRole('button', { name: /Start the lab|Resume your lab/ }).click();
  await expect(page.locator('[data-lab-status]')).toContainText('Ready', { timeout: 60_000 });
  await expect(head(page).getByRole('button', { name: 'Learn the metric' })).toBeDisabled();
  await expect(status(page)).toContainText('needs at least two classes with two examples or more each');
});
