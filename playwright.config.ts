import { defineConfig } from '@playwright/test';

/** Debian's Chromium; the flags keep it from reaching for the network on its own. */
const chromium = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export const SITE = 'http://127.0.0.1:4321/';
export const BASE_PATH = '/metric-atlas/';
export const SITE_WITH_BASE = `http://127.0.0.1:4322${BASE_PATH}`;
/** The same site with the headers of its _headers file (COOP/COEP among them): cross-origin isolated, so WASM can use threads. */
export const SITE_ISOLATED = 'http://127.0.0.1:4323/';
/** Another origin, serving pages that frame the site's embeds (tests/fixtures/framing-host). */
export const OTHER_ORIGIN = 'http://127.0.0.1:4324/';

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // The tests check behaviour, never speed (benchmarks measure that). With two workers on this 2-core machine, on a
  // day it ran at half its usual speed, the longest lab flows (a resumed lab re-embedding 15 photos, a reload in the
  // middle of a folder import) ran past Playwright's default limit of 30 s (CI at 1308fe6).
  timeout: 90_000,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL: SITE,
    launchOptions: chromium,
  },
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'a11y', testMatch: 'a11y/**/*.spec.ts' },
  ],
  webServer: [
    {
      command: 'node scripts/serve-static.mjs dist 4321 /',
      url: SITE,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node scripts/serve-static.mjs dist-base 4322 ${BASE_PATH}`,
      url: SITE_WITH_BASE,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: 'node scripts/serve-static.mjs dist 4323 / --headers',
      url: SITE_ISOLATED,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: 'node scripts/serve-static.mjs tests/fixtures/framing-host 4324 / --headers',
      url: OTHER_ORIGIN,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
