import { expect, test } from '@playwright/test';
import { PAGE_KINDS as PAGES, WIDTHS } from '../helpers/site-pages';

/**
 * No page scrolls sideways at phone, tablet or desktop width: wide tables
 * scroll inside their own region, and nothing inside one (a visually hidden
 * note placed against the page, say) makes the page wider. /evaluation/ once
 * scrolled 1,087 px sideways at 360 px that way.
 */

for (const width of WIDTHS) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const wider: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      if (scrollWidth > clientWidth + 1) wider.push(`/${path}: ${scrollWidth} px wide in ${clientWidth}`);
    }
    expect(wider).toEqual([]);
  });
}
