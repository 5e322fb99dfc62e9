/**
 * Live camera verdicts per second, as a visitor reads them: the page's own
 * counter under "Live" ([data-lab-live-rate], "n verdicts per second"), with
 * Chromium's fake camera. Two ways to make the classes:
 * - `camera`: the lab started empty, two photos taken with the camera for each of two classes (what a visitor does first);
 * - `example-set`: the photo model's example set.
 * Also counts the verdicts the page rendered ([data-lab].dataset.liveVerdicts) over the same time, as a check on the counter.
 * With camera classes, once Live is off, "Take photos" is held for HOLD_MS: the photos its own counter says were
 * added, per second held from press to release as the page saw them (the lab promises ten or more).
 */
import type { Browser, Page } from '@playwright/test';
import type { LabLive } from '../src/schemas/bench-lab.ts';

/** A browser for it: Chromium with its fake camera (a moving test pattern). */
export const FAKE_CAMERA_ARG = '--use-fake-device-for-media-stream';

const HOLD_MS = 2000;

/** Photos per second recorded while "Take photos" is held, by the card's own counter ("n photos added"). */
async function heldPhotosPerSecond(page: Page): Promise<number> {
  const card = page.locator('.lab-class').first();
  const button = card.getByRole('button', { name: 'Take photos' });
  await button.evaluate((b) => {
    addEventListener('pointerdown', () => (b.dataset.down = String(performance.now())), { capture: true, once: true });
    addEventListener('pointerup', () => (b.dataset.up = String(performance.now())), { capture: true, once: true });
  });
  await button.hover();
  await page.mouse.down();
  await page.waitForTimeout(HOLD_MS);
  await page.mouse.up();
  const counter = card.locator('.pad-buttons [role="status"]');
  await counter.filter({ hasText: /^\d+ photos added$/ }).waitFor({ timeout: 60_000 });
  const photos = Number((await counter.textContent())!.match(/^(\d+)/)![1]);
  const held = await button.evaluate((b) => (Number(b.dataset.up) - Number(b.dataset.down)) / 1000);
  return +(photos / held).toFixed(1);
}

export async function measureLive(browser: Browser, site: string, model: LabLive['model'], classes: LabLive['classes'], seconds: number): Promise<LabLive> {
  const context = await browser.newContext({ permissions: ['camera'] });
  try {
    const page = await context.newPage();
    await page.goto(`${site}/lab/`);
    await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
    if (classes === 'example-set') {
      await page.getByRole('button', { name: 'Try an example set' }).click();
      await page.locator('.prediction .verdict').first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Turn the camera on' }).click();
    } else {
      await page.getByRole('button', { name: 'Start the lab' }).click();
      await page.getByRole('status').first().filter({ hasText: 'Ready:' }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Turn the camera on' }).click();
      for (const c of [0, 1]) {
        const card = page.locator('.lab-class').nth(c);
        for (let i = 0; i < 2; i++) {
          await card.getByRole('button', { name: 'Take photos' }).click();
          await card.locator('.count', { hasText: `${i + 1} example` }).waitFor({ timeout: 30_000 });
        }
      }
    }
    await page.locator('[data-lab-camera-status]', { hasText: 'Camera on.' }).waitFor();
    await page.getByRole('checkbox', { name: 'Live: classify the camera continuously' }).check();
    // Warm-up: the first readings include the first frame's start-up.
    await page.locator('[data-lab-live-rate]', { hasText: 'verdicts per second' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    const rendered = () => page.locator('[data-lab]').evaluate((root: HTMLElement) => Number(root.dataset.liveVerdicts ?? 0));
    const readings: number[] = [];
    const [first, t0] = [await rendered(), Date.now()];
    while (Date.now() - t0 < seconds * 1000) {
      await page.waitForTimeout(1000);
      const text = (await page.locator('[data-lab-live-rate]').textContent()) ?? '';
      const value = Number(text.match(/([\d.]+) verdicts per second/)?.[1]);
      if (Number.isFinite(value)) readings.push(value);
    }
    const [last, t1] = [await rendered(), Date.now()];
    if (readings.length === 0) throw new Error(`live (${classes}): the page showed no verdicts-per-second reading`);
    readings.sort((a, b) => a - b);
    await page.getByRole('checkbox', { name: 'Live: classify the camera continuously' }).uncheck();
    const held = classes === 'camera' ? await heldPhotosPerSecond(page) : undefined;
    const threads = await page.locator('[data-lab-status]').evaluate((status) => Number(status.textContent?.match(/(\d+) threads?/)?.[1] ?? 0));
    return {
      model,
      classes,
      counterPerSecond: readings[Math.floor(readings.length / 2)]!,
      renderedPerSecond: +((1000 * (last - first)) / (t1 - t0)).toFixed(1),
      seconds: (t1 - t0) / 1000,
      isolated: await page.evaluate(() => crossOriginIsolated),
      threads,
      ...(held === undefined ? {} : { heldPhotosPerSecond: held }),
    };
  } finally {
    await context.close();
  }
}
