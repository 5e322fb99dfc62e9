// Debian packages that scripts need (browsers for the test suites, Fashion-MNIST for the
// evaluations, …): find what the package installs, or install the package with apt-get
// when running as root, or stop with one line that names it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What a script needs from Debian, by a name scripts can ask for. */
export const PACKAGES = {
  'fashion-mnist': {
    apt: 'dataset-fashion-mnist',
    path: '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz',
    what: "Fashion-MNIST's test set",
  },
  // training/convert_nsfwjs.py (bench:models-browser converts nsfwjs's MobileNetV2 branch alone to ONNX with it).
  'python3-onnx': { apt: 'python3-onnx', path: '/usr/lib/python3/dist-packages/onnx/__init__.py', what: "Python's onnx module" },
  'python3-numpy': { apt: 'python3-numpy', path: '/usr/lib/python3/dist-packages/numpy/__init__.py', what: "Python's numpy module" },
};

/**
 * Returns once `path` exists. Otherwise installs the Debian package `apt` when
 * running as root, or exits with one line saying what is missing and how to
 * install it.
 */
export function ensureDebianPackage({ apt, path, what }) {
  if (existsSync(path)) return;
  const script = process.env.npm_lifecycle_event ? `npm run ${process.env.npm_lifecycle_event}` : 'This script';
  if (process.getuid?.() !== 0) {
    fail(`${script} needs ${what} (${path}) from Debian's ${apt} package: sudo apt-get update && sudo apt-get install -y ${apt}`);
  }
  aptInstall(apt, `${what} is missing`);
  if (!existsSync(path)) fail(`apt-get installed ${apt}, but ${path} still does not exist.`);
}

/** `ensureDebianPackage` by the names of PACKAGES. */
export function ensurePackages(names) {
  for (const name of names) {
    const entry = PACKAGES[name];
    if (!entry) fail(`ensure-package: unknown package "${name}"; known: ${Object.keys(PACKAGES).join(', ')}.`);
    ensureDebianPackage(entry);
  }
}

/** apt-get install (as root), or exit naming the package. */
export function aptInstall(apt, reason) {
  console.log(`${reason}; installing Debian's ${apt} package (apt-get) …`);
  try {
    execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${apt}`, { stdio: 'inherit' });
  } catch {
    fail(`Installing ${apt} with apt-get failed; see the output above.`);
  }
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePackages(process.argv.slice(2));
