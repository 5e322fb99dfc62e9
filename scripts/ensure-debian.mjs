// What the tests, benchmarks and evaluations need from Debian (browsers, drivers, Python modules, data sets):
// found, or installed with apt-get when running as root, or else one line naming the package to install.
// Usage from a script:  ensureDebian([{ apt: 'python3-onnx', path: '/usr/lib/python3/dist-packages/onnx' }])
// From the shell:       node scripts/ensure-debian.mjs python3-onnx=/usr/lib/python3/dist-packages/onnx …
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Each need is a Debian package and a file it installs (how we tell it is there). Installs every missing
 * package in one apt-get call when root; otherwise exits naming them.
 */
export function ensureDebian(needs, why = 'This command') {
  const missing = needs.filter(({ path }) => !existsSync(path));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(({ apt }) => apt))].join(' ');
  if (process.getuid?.() === 0) {
    console.log(`${why} needs Debian's ${packages}; installing (apt-get) …`);
    try {
      execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages}`, { stdio: 'inherit' });
    } catch {
      fail(`Installing ${packages} with apt-get failed; see the output above.`);
    }
    const still = missing.filter(({ path }) => !existsSync(path));
    if (still.length === 0) return;
    fail(`apt-get finished, but ${still.map(({ path }) => path).join(', ')} still missing.`);
  }
  fail(`${why} needs Debian's ${packages}. Install with:   sudo apt-get update && sudo apt-get install -y ${packages}`);
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureDebian(process.argv.slice(2).map((arg) => {
    const [apt, path] = arg.split('=');
    return { apt, path };
  }));
}
