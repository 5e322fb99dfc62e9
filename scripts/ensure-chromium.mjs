// The end-to-end tests drive Debian's Chromium (Playwright's own browser download
// cannot work on machines without general internet access). Find it, or install
// it when running as root, or explain how to provide one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const wanted = process.env.CHROME_PATH || DEFAULT_PATH;

if (existsSync(wanted)) process.exit(0);

if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`);
  process.exit(1);
}

if (process.getuid?.() === 0) {
  console.log('Chromium is missing; installing Debian\'s chromium package (apt-get) …');
  try {
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
  } catch {
    console.error('Installing chromium with apt-get failed; see the output above.');
    process.exit(1);
  }
  if (existsSync(DEFAULT_PATH)) process.exit(0);
  console.error(`apt-get finished, but ${DEFAULT_PATH} still does not exist.`);
  process.exit(1);
}

console.error(
  [
    `The end-to-end tests need Chromium at ${DEFAULT_PATH}, and it is not there.`,
    'Install it with:   sudo apt-get update && sudo apt-get install -y chromium',
    'or point CHROME_PATH at a Chromium or Chrome binary:   CHROME_PATH=/path/to/chrome npm test',
  ].join('\n'),
);
process.exit(1);
