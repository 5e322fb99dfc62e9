import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIGURES } from '../../src/figures/registry';

const summaryOf = (figure: Locator) => figure.locator('[data-summary]').textContent();

/** Requests for figure code or kernels, recorded from the start of the visit. */
function recordFigureCode(page: Page): string[] {
  const requested: string[] = [];
  const figureCode = new RegExp(`island|kernels|/(${FIGURES.map((f) => f.id).join('|')})\\.`);
  page.on('request', (r) => {
    if (figureCode.test(r.url())) requested.push(r.url());
  });
  return requested;
}

async function goLive(figure: Locator) {
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
}

for (const meta of FIGURES) {
  test.describe(`figure "${meta.title}"`, () => {
    test('shows its starting state without code, and loads its code only when scrolled into view', async ({ page }) => {
      // A short window, so that every figure starts well below the fold.
      await page.setViewportSize({ width: 1100, height: 200 });
      const requested = recordFigureCode(page);
      await page.goto(`topics/${meta.topic}/`);
      const figure = page.locator(`#figure-${meta.id}`);
      expect((await figure.boundingBox())!.y).toBeGreaterThan(200 + 200);
      await expect(figure.locator('[data-scene] > *').first()).toBeAttached();
      expect(await summaryOf(figure)).not.toBe('');
      await page.waitForLoadState('networkidle');
      expect(requested).toEqual([]);
      await goLive(figure);
      expect(requested.some((url) => url.includes(meta.id))).toBe(true);
    });

    test('moves with the keyboard, and the summary says what changed', async ({ page }) => {
      await page.goto(`topics/${meta.topic}/`);
      const figure = page.locator(`#figure-${meta.id}`);
      await goLive(figure);
      const before = await summaryOf(figure);
      const handle = figure.locator('[data-handle][tabindex="0"]').first();
      await handle.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowUp');
      await expect(handle).toBeFocused();
      await expect.poll(() => summaryOf(figure)).not.toBe(before);
    });

    test('follows a pointer drag', async ({ page }) => {
      await page.goto(`topics/${meta.topic}/`);
      const figure = page.locator(`#figure-${meta.id}`);
      await goLive(figure);
      const before = await summaryOf(figure);
      const box = (await figure.locator('[data-handle]').first().boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => summaryOf(figure)).not.toBe(before);
    });

    test('is offered as an embed: alone, without site chrome, filling a small frame', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 240 });
      await page.goto(`embed/${meta.id}/?text=large`);
      await expect(page.locator('header, nav, footer')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
      const figure = page.locator(`#figure-${meta.id}`);
      await expect(figure).toHaveAttribute('data-state', 'live');
      const svg = (await figure.locator('svg').boundingBox())!;
      expect(svg.width).toBeGreaterThan(280);
      expect(svg.x + svg.width).toBeLessThanOrEqual(320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  });
}

test('sliders change a figure: a larger Circle-loss margin grows the circular boundary', async ({ page }) => {
  await page.goto('topics/dml-iccv-2019-cvpr-2020/');
  const figure = page.locator('#figure-circle-loss');
  await goLive(figure);
  const radius = () => figure.locator('circle.boundary').getAttribute('r');
  const before = Number(await radius());
  const margin = figure.getByRole('slider', { name: 'Margin m' });
  await margin.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await radius())).toBeGreaterThan(before);
  await expect(figure.locator('[data-summary]')).toContainText('m = 0.35');
});

test('soft k-means steps move the prototypes, and Enter picks a Multi-Similarity anchor', async ({ page }) => {
  await page.goto('topics/few-shot-learning/');
  const refine = page.locator('#figure-soft-kmeans');
  await goLive(refine);
  await expect(refine.locator('[data-summary]')).toContainText('After 0 steps');
  await refine.getByRole('slider', { name: 'Refinement steps' }).fill('3');
  await expect(refine.locator('[data-summary]')).toContainText('After 3 steps');
  await refine.getByRole('button', { name: 'Add an unlabeled point' }).click();
  await expect(refine.locator('[data-summary]')).toContainText('Of 11 unlabeled points');

  await page.goto('topics/dml-cvpr-2019/');
  const ms = page.locator('#figure-multi-similarity');
  await goLive(ms);
  await ms.locator('[data-handle="p3"]').focus();
  await page.keyboard.press('Enter');
  await expect(ms.locator('[data-summary]')).toContainText('Anchor point 4');
});

test('without JavaScript a figure is a static picture with its summary, and its controls say they need JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('topics/hyperbolic/');
  const figure = page.locator('#figure-poincare-disk');
  await expect(figure.locator('[data-scene] path.boundary')).toHaveCount(1);
  await expect(figure.locator('[data-summary]')).toContainText('Hyperbolic distance d(A, B)');
  await expect(figure.locator('[data-figure-status]')).toContainText('becomes interactive when JavaScript runs');
  await expect(figure.getByRole('button', { name: 'Back to the start' })).toBeDisabled();
  await context.close();
});

test('a figure still in its static state (below the fold) passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 200 });
  await page.goto('topics/few-shot-learning/');
  const figure = page.locator('#figure-prototype-classifier');
  await page.waitForLoadState('networkidle');
  await expect(figure).not.toHaveAttribute('data-state', /.+/);
  const results = await new AxeBuilder({ page }).include('#figure-prototype-classifier').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the Embed box gives iframe code with this site’s address', async ({ page, baseURL }) => {
  await page.goto('topics/wasserstein/');
  const figure = page.locator('#figure-sliced-wasserstein');
  await goLive(figure);
  await figure.getByText('Embed this figure').click();
  await expect(figure.locator('[data-embed-code]')).toHaveValue(new RegExp(`<iframe src="${baseURL}embed/sliced-wasserstein/"`));
  await expect(figure.getByRole('button', { name: 'Copy' })).toBeVisible();
});

test('a live topic page passes axe with its figures running', async ({ page }) => {
  await page.goto('topics/few-shot-learning/');
  for (const figure of await page.locator('[data-live-figure]').all()) await goLive(figure);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
