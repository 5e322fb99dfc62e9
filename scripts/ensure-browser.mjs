// The browser tests drive Debian's browsers (Playwright's own downloads cannot work
// on machines without general internet access): Chromium for the Playwright suites,
// Firefox ESR for the puppeteer-core one, WebKitGTK's MiniBrowser and WebKitWebDriver
// on Xvfb for the WebKit one. Find the browser, or install it when running as root,
// or explain how to provide one.
import { existsSync } from 'node:fs';
import { aptInstall, ensureDebianPackage, fail } from './ensure-package.mjs';

const BROWSERS = {
  chromium: { name: 'Chromium', path: '/usr/bin/chromium', env: 'CHROME_PATH', apt: 'chromium' },
  firefox: { name: 'Firefox ESR', path: '/usr/bin/firefox-esr', env: 'FIREFOX_PATH', apt: 'firefox-esr' },
  // The driver's package depends on libwebkit2gtk-4.1-0, which ships the MiniBrowser it starts.
  webkit: {
    name: "WebKitGTK's WebDriver",
    path: '/usr/bin/WebKitWebDriver',
    env: 'WEBKIT_DRIVER_PATH',
    apt: 'webkit2gtk-driver',
    also: [{ apt: 'xvfb', path: '/usr/bin/Xvfb', what: 'Xvfb (WebKitGTK has no headless mode; it draws on a virtual display)' }],
  },
};

/** Exits with an explanation when the browser is missing and cannot be installed. */
export function ensureBrowser(which) {
  const { name, path, env, apt, also = [] } = BROWSERS[which];
  also.forEach(ensureDebianPackage);
  const wanted = process.env[env] || path;
  if (existsSync(wanted)) return;
  if (process.env[env]) fail(`${env} is set to ${process.env[env]}, but no file is there.`);
  if (process.getuid?.() === 0) {
    aptInstall(apt, `${name} is missing`);
    if (existsSync(path)) return;
    fail(`apt-get finished, but ${path} still does not exist.`);
  }
  fail(
    [
      `The browser tests need ${name} at ${path}, and it is not there.`,
      `Install it with:   sudo apt-get update && sudo apt-get install -y ${apt}`,
      `or point ${env} at another binary:   ${env}=/path/to/browser npm test`,
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowser(process.argv[2] ?? 'chromium');
