import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGES = ['', 'topics/few-shot-learning/', 'topics/hyperbolic/', 'papers/unbiased-evaluation-of-dml/', 'papers/circle-loss/', 'papers/', 'papers/by/year/', 'graph/', 'compare/', 'evaluation/', 'search/?q=loss', '404.html', 'slides/', 'embed/circle-loss/', 'embed/multi-similarity/?text=large', 'embed/lab/', 'topics/semi-supervised/', 'topics/dml-cvpr-2019/', 'topics/dml-iccv-2019-cvpr-2020/', 'topics/reality-checks/', 'embed/map-at-r/?text=large', 'topics/large-output-spaces/', 'topics/stochastic-shared-embeddings/'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of PAGES) {
      test(`/${path} has no accessibility violations`, async ({ page }) => {
        // axe walks every node: the Evaluation page's hundreds of table rows take it past 30 s on a busy 2-core machine.
        test.setTimeout(120_000);
        await page.goto(path);
        if (path.startsWith('search/')) await page.locator('[data-search-results] > li').first().waitFor();
        // Figures are checked once live: scroll each into view and wait for its code.
        for (const figure of await page.locator('[data-live-figure]').all()) {
          await figure.scrollIntoViewIfNeeded();
          await expect(figure).toHaveAttribute('data-state', 'live');
        }
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      });
    }
  });
}

test('a phone-sized screen shows the table without the page scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('papers/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
