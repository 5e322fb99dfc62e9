// The browser tests drive Debian's browsers (Playwright's own downloads cannot work
// on machines without general internet access): Chromium for the Playwright suites,
// Firefox ESR for the puppeteer-core one. Find the browser, or install it when
// running as root, or explain how to provide one.
import { existsSync } from 'node:fs';
import { aptInstall, fail } from './ensure-package.mjs';

const BROWSERS = {
  chromium: { name: 'Chromium', path: '/usr/bin/chromium', env: 'CHROME_PATH', apt: 'chromium' },
  firefox: { name: 'Firefox ESR', path: '/usr/bin/firefox-esr', env: 'FIREFOX_PATH', apt: 'firefox-esr' },
};

/** Exits with an explanation when the browser is missing and cannot be installed. */
export function ensureBrowser(which) {
  const { name, path, env, apt } = BROWSERS[which];
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
