import { expect, test } from '@playwright/test';
import { FIGURES } from '../../src/figures/registry';
import { measureFigureFit } from './support/figure-fit';

/** Wider than the site's own fonts: a label that fits in it fits in the usual fallbacks too (Debian's Chromium and Firefox fall back to it). */
const WIDE_FONT = `svg[data-figure-svg] { font-family: 'DejaVu Sans', sans-serif; }`;

test.describe('a figure embed in a 1920 × 1080 slide with large text', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const { id } of FIGURES) {
    test(`${id}: the drawing fills at least 70 % of the frame, no label is clipped, the smallest renders at 18 px or more`, async ({ page }) => {
      await page.goto(`embed/${id}/?text=large`);
      await expect(page.locator('[data-live-figure]')).toHaveAttribute('data-state', 'live');
      const fit = await measureFigureFit(page);
      expect(Math.max(fit.fillWidth, fit.fillHeight), JSON.stringify(fit)).toBeGreaterThanOrEqual(0.7);
      expect(fit.clipped).toEqual([]);
      if (Number.isFinite(fit.smallestLabelPx)) expect(fit.smallestLabelPx).toBeGreaterThanOrEqual(18);
      expect(fit.scrollsSideways).toBe(false);
      await page.addStyleTag({ content: WIDE_FONT });
      expect((await measureFigureFit(page)).clipped).toEqual([]);
    });
  }
});

test.describe('a figure embed in a 320 × 240 frame', () => {
  test.use({ viewport: { width: 320, height: 240 } });

  for (const { id } of FIGURES) {
    test(`${id}: the whole drawing is in the frame, no label clipped, nothing scrolls sideways`, async ({ page }) => {
      await page.goto(`embed/${id}/`);
      await expect(page.locator('[data-live-figure]')).toHaveAttribute('data-state', 'live');
      for (const font of ['', WIDE_FONT]) {
        if (font) await page.addStyleTag({ content: font });
        const fit = await measureFigureFit(page);
        expect(fit.drawingInside, JSON.stringify(fit)).toBe(true);
        expect(fit.clipped).toEqual([]);
        expect(fit.scrollsSideways).toBe(false);
      }
    });
  }
});
