// Scripts must run on the Node 24 that the `node` devDependency installs;
// `npm run` puts node_modules/.bin first on PATH, a bare shell does not.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Metric Atlas needs Node >= 22 but this script runs on Node ${process.versions.node}.\n` +
      'Run it through npm (npm ci && npm run <script>) so the Node 24 from devDependencies is used,\n' +
      'not node_modules/.bin/* from a bare shell.',
  );
  process.exit(1);
}
