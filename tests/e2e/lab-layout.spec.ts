import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LAB_LAYOUT_WIDTHS, labLayoutInPage, openLabDetails, squeezeLabParts } from '../helpers/lab-layout';
import { MODELS } from '../../src/lib/models/catalog';
import { SITE_ISOLATED } from '../../playwright.config';

/** Loads the sketch example set (3 queries) and waits for its verdicts. */
async function loadExampleSet(page: Page) {
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
}

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!;

test.describe('on a desktop screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the lab is three parts side by side, the latest verdict large at the top and the rest folded', async ({ page }) => {
    await page.goto('lab/');
    await loadExampleSet(page);
    const [examples, method, verdict] = (await Promise.all(['examples', 'method', 'verdict'].map((p) => box(page.locator(`[data-lab-part="${p}"]`))))) as [Box, Box, Box];
    expect(examples.x + examples.width).toBeLessThanOrEqual(method.x);
    expect(method.x + method.width).toBeLessThanOrEqual(verdict.x);
    expect(Math.abs(examples.y - verdict.y)).toBeLessThan(5);
    await expect(page.getByRole('group', { name: 'Parts of the lab' })).toBeHidden();

    // One large verdict shows; the other two queries wait, folded, below it.
    const latest = page.locator('.prediction.latest');
    await expect(latest).toBeVisible();
    expect((await box(latest)).y).toBeLessThan(900);
    await expect(page.locator('.prediction:visible')).toHaveCount(1);
    await page.getByText('The other 2 queries').click();
    await expect(page.locator('.prediction:visible')).toHaveCount(3);
    const fontSize = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await fontSize(latest.locator('.verdict'))).toBeGreaterThan(await fontSize(page.locator('.prediction').nth(1).locator('.verdict')));
    // The rule in force is there, folded, once.
    await expect(page.locator('.calibration-note')).toHaveCount(1);
    await expect(page.locator('.calibration-note')).toBeHidden();
  });

  test('each example’s remove button sits beside its thumbnail, not over it', async ({ page }) => {
    await page.goto('lab/');
    await loadExampleSet(page);
    const items = page.locator('.lab-class').first().locator('.thumbnails li');
    expect(await items.count()).toBeGreaterThan(1);
    for (const item of await items.all()) {
      const picture = await box(item.locator('img'));
      const button = await box(item.getByRole('button'));
      const overlaps = picture.x < button.x + button.width && button.x < picture.x + picture.width && picture.y < button.y + button.height && button.y < picture.y + picture.height;
      expect(overlaps).toBe(false);
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the started lab with verdicts has no accessibility violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('lab/');
      await loadExampleSet(page);
      await page.getByText('The other 2 queries').click();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the first screen holds the model choice, start and the example set; the parts become steps', async ({ page }) => {
    await page.goto('lab/');
    for (const control of [page.getByRole('combobox', { name: 'Model' }), page.getByRole('button', { name: 'Start the lab' }), page.getByRole('button', { name: 'Try an example set' })]) {
      const { y, height } = await box(control);
      expect(y + height).toBeLessThanOrEqual(844);
    }
    await loadExampleSet(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    const steps = page.getByRole('group', { name: 'Parts of the lab' });
    await expect(steps).toBeVisible();
    await expect(steps.getByRole('button', { name: '1 · Examples' })).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('.lab-class').first()).toBeVisible();
    await expect(page.locator('[data-lab-results]')).toBeHidden();

    // By keyboard: the verdict step shows the results and hides the examples.
    await steps.getByRole('button', { name: '3 · Verdict' }).focus();
    await page.keyboard.press('Enter');
    await expect(steps.getByRole('button', { name: '3 · Verdict' })).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('.prediction.latest')).toBeVisible();
    await expect(page.locator('.lab-class').first()).toBeHidden();
    await steps.getByRole('button', { name: '2 · Method' }).click();
    await expect(page.locator('select[name="metric"]')).toBeVisible();
    await expect(page.locator('[data-lab-results]')).toBeHidden();
  });
});

/**
 * The layout by geometry (tests/helpers/lab-layout.ts, the same check the
 * Firefox and WebKit suites run): the photo model's example set run, a metric
 * learned, every fold open, then the page measured at each width.
 */
async function everythingOnScreen(page: Page) {
  await page.getByRole('combobox', { name: 'Model' }).selectOption(MODELS.find((m) => m.kind === 'photo')!.id);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('[data-lab-map] svg')).toBeVisible();
  await expect(page.locator('[data-lab-confusion]')).toBeVisible();
  await page.locator('[data-lab-head]').getByRole('button', { name: 'Learn the metric' }).click();
  await expect(page.locator('[data-lab-head-status]')).toContainText('On:', { timeout: 60_000 });
  await expect(page.locator('[data-lab-knowledge-table] thead th')).toHaveCount(3);
  expect(await page.evaluate(openLabDetails)).toBeGreaterThan(3);
}

for (const path of ['lab/', 'embed/lab/']) {
  test(`${path}: at every width from 360 to 1920 px no part, control or table overlaps, sticks out or is cut off, and nothing scrolls sideways`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await everythingOnScreen(page);
    for (const width of LAB_LAYOUT_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate(labLayoutInPage);
      expect.soft(layout.problems, `${path} at ${width} px (${layout.views.join(', ')})`).toEqual([]);
    }
    // All of it on screen (the status's details, the knowledge tables' scroll boxes, every fold) stays accessible in both themes.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-lab-status] details').evaluate((d: HTMLDetailsElement) => (d.open = true));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).analyze();
      expect.soft(results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }
  });
}

test('the geometry check finds parts squeezed into columns too narrow for them', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('lab/');
  await loadExampleSet(page);
  expect((await page.evaluate(labLayoutInPage)).problems).toEqual([]);
  await page.evaluate(squeezeLabParts);
  const { problems } = await page.evaluate(labLayoutInPage);
  expect(problems.some((p) => / lies over the part (method|verdict)$/.test(p)), problems.join('\n')).toBe(true);
  expect(problems.some((p) => / sticks out of the part method by /.test(p)), problems.join('\n')).toBe(true);
});

test('at 1280 px the ready status is one line a visitor reads, the model’s and runtime’s details folded beside it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Cross-origin isolated (two threads) and kept for offline use: the longest the line gets.
  await page.goto(`${SITE_ISOLATED}lab/`);
  await page.getByRole('combobox', { name: 'Model' }).selectOption(MODELS.find((m) => m.kind === 'photo')!.id);
  await page.getByRole('button', { name: 'Start the lab' }).click();
  const status = page.locator('[data-lab-status]');
  await expect(status.locator('.status-line')).toHaveText(/^Ready: Photo embedding, runs on this device \(WASM, 2 threads\) and also works offline\.$/, { timeout: 60_000 });
  const details = status.locator('details');
  await expect(details.locator('summary')).toBeVisible();
  await expect(details.getByText('MobileNetV2 1.4')).toBeHidden();
  const lines = await status.evaluate((s) => ({
    line: s.querySelector('.status-line')!.getClientRects().length,
    height: s.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(s).lineHeight),
  }));
  expect(lines.line).toBe(1);
  expect(lines.height, 'the line and the folded details share one line').toBeLessThan(1.5 * lines.lineHeight);
  // Opened, the details give the model's full description, its embedding size and the runtime.
  await details.locator('summary').click();
  await expect(details).toContainText(/Photo embedding \(MobileNetV2 1\.4 .*\), 3224-d embeddings\./);
  await expect(details).toContainText('onnxruntime-web WASM (SIMD), 2 threads.');
});
