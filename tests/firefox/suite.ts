/**
 * What every Firefox test file sets up: the built site served, and Debian's
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright's own
 * Firefox build cannot be downloaded here), started before its tests and
 * stopped after them. Each page opens in a browser context of its own (no lab
 * kept from another test), and its uncaught errors are kept for the test.
 */
import { after, before } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serveSite } from '../helpers/serve.ts';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** How long a lab step may take in Firefox (a cold model on WASM). */
export const LAB_TIMEOUT = 90_000;

export function firefoxSuite() {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  before(async () => {
    site = await serveSite(process.env.SITE_DIR || 'dist');
    browser = await puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    /** A fresh page at `path` (its viewport set first when given), with the uncaught errors it throws. */
    async open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
      const page = await (await browser.createBrowserContext()).newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
      if (viewport) await setViewport(page, viewport);
      await page.goto(new URL(path, site.url).href);
      return { page, errors };
    },
  };
}

/**
 * The page's viewport, set with WebDriver BiDi's browsingContext.setViewport alone. puppeteer-core's
 * page.setViewport also sends emulation.setScreenOrientationOverride, which Firefox 140.12.0esr (as Debian ships it
 * on 2026-12-07) does not know, and fails; these tests need only the size.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { setViewport(options: { viewport: { width: number; height: number } }): Promise<void> } };
  await frame.browsingContext.setViewport({ viewport });
}
