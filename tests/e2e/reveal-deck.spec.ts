import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { OTHER_ORIGIN } from '../../playwright.config';

// A real reveal.js deck (the npm package) on another origin framing the embeds: tests/fixtures/framing-host/deck.
test.use({ viewport: { width: 1280, height: 720 } });

async function openDeck(page: Page, slide: string) {
  await page.goto(`${OTHER_ORIGIN}deck/#/${slide}`);
  await expect(page.locator('html')).toHaveAttribute('data-deck', 'ready');
}

const currentSlide = (page: Page) => page.evaluate(() => (window as unknown as { deck: { getIndices(): { h: number } } }).deck.getIndices().h);

/** Moves a figure's first handle with the keyboard, then drags it, and checks the summary follows both. */
async function moveFigure(page: Page, frame: FrameLocator) {
  const figure = frame.locator('[data-live-figure]');
  await expect(figure).toHaveAttribute('data-state', 'live');
  const summary = figure.locator('[data-summary]');
  const handle = figure.locator('[data-handle]').first();
  const atStart = await summary.textContent();
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await expect(summary).not.toHaveText(atStart!);
  const afterKeys = await summary.textContent();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 });
  await page.mouse.up();
  await expect(summary).not.toHaveText(afterKeys!);
}

test('a figure framed in a reveal.js slide follows the keyboard and the pointer, and its keys stay in the figure', async ({ page }) => {
  await openDeck(page, 'figure-slide');
  const frame = page.frameLocator('#figure');
  await expect(frame.locator('html')).toHaveAttribute('data-text', 'large');
  await moveFigure(page, frame);
  // The arrow key moved the point, not the deck.
  expect(await currentSlide(page)).toBe(1);
});

test('a figure as a slide’s interactive background iframe follows the keyboard and the pointer', async ({ page }) => {
  await openDeck(page, 'background-slide');
  await moveFigure(page, page.frameLocator('.backgrounds .slide-background.present iframe'));
  expect(await currentSlide(page)).toBe(2);
});

test('the lab stage in a reveal.js slide runs its example set and fits the slide without scrolling', async ({ page }) => {
  await openDeck(page, 'stage-slide');
  const stage = page.frameLocator('#stage');
  await stage.getByRole('button', { name: 'Try the example set' }).click();
  await expect(stage.locator('[data-stage-verdict]')).not.toHaveText('—', { timeout: 60_000 });
  expect(await stage.locator('.stage-class .stage-class-name').allTextContents()).toContain(await stage.locator('[data-stage-verdict]').textContent());
  const size = await stage.locator('html').evaluate((html) => ({ scroll: html.scrollHeight, height: innerHeight, scrollWidth: html.scrollWidth, width: innerWidth }));
  expect(size.scroll).toBeLessThanOrEqual(size.height);
  expect(size.scrollWidth).toBeLessThanOrEqual(size.width);
  expect(await currentSlide(page)).toBe(3);
});
