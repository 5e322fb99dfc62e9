// A small static file server for the built site, used by the end-to-end tests.
// Usage: node scripts/serve-static.mjs <dir> <port> [base] [--isolated]
// Serves <dir> under the URL prefix [base] (default "/"), as a static host would;
// --isolated adds the COOP/COEP headers that make pages cross-origin isolated
// (SharedArrayBuffer, so onnxruntime-web can use threads).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const isolated = process.argv.includes('--isolated');
const [dir = 'dist', port = '4321', base = '/'] = args;
const root = resolve(dir);
const prefix = base.endsWith('/') ? base : `${base}/`;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
};

function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return undefined;
  const relative = normalize(decodeURIComponent(urlPath.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root)) return undefined;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    statSync(file);
    return file;
  } catch {
    return undefined;
  }
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = fileFor(url.pathname);
  const notFound = fileFor(`${prefix}404.html`);
  const target = file ?? notFound;
  res.statusCode = file ? 200 : 404;
  if (!target) return res.end('Not found');
  res.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
  if (isolated) {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  }
  createReadStream(target).pipe(res);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
