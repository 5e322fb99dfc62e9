// Debian's Chromium for the Playwright suites (see ensure-browser.mjs).
import { ensureBrowser } from './ensure-browser.mjs';

ensureBrowser('chromium');
