// A small static file server for the built site, used by the end-to-end tests.
// Usage: node scripts/serve-static.mjs <dir> <port> [base] [--isolated] [--headers]
// Serves <dir> under the URL prefix [base] (default "/"), as a static host would;
// --isolated adds the COOP/COEP headers that make pages cross-origin isolated
// (SharedArrayBuffer, so onnxruntime-web can use threads); --headers applies the
// rules of <dir>/_headers as Cloudflare Pages does (patterns with a trailing *,
// later rules add headers, "! Name" removes one set by an earlier rule);
// --compressed serves text (HTML, CSS, scripts, JSON, SVG) from the build's
// .br or .gz copies when the browser accepts them, as Cloudflare Pages
// compresses text: the Lighthouse audit measures the bytes a visitor receives.
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const isolated = process.argv.includes('--isolated');
const withHeaders = process.argv.includes('--headers');
const compressed = process.argv.includes('--compressed');
const COMPRESSED_TYPES = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);
const [dir = 'dist', port = '4321', base = '/'] = args;
const root = resolve(dir);
const prefix = base.endsWith('/') ? base : `${base}/`;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
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

/** The _headers file as [pattern, [name, value | null (detach)][]] rules. */
function readHeaderRules() {
  const rules = [];
  for (const raw of readFileSync(join(root, '_headers'), 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), []]);
    else if (line.trim().startsWith('!')) rules.at(-1)[1].push([line.trim().slice(1).trim(), null]);
    else {
      const at = line.indexOf(':');
      rules.at(-1)[1].push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = withHeaders ? readHeaderRules() : [];
const matches = (pattern, path) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

function headersFor(sitePath) {
  const headers = new Map();
  for (const [pattern, entries] of headerRules) {
    if (!matches(pattern, sitePath)) continue;
    for (const [name, value] of entries) {
      if (value === null) headers.delete(name.toLowerCase());
      else headers.set(name.toLowerCase(), value);
    }
  }
  return headers;
}

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

/** The build's brotli or gzip copy of a text file when --compressed and the request accepts it, with its headers; else the file. */
function encoded(req, res, file) {
  if (!compressed || !COMPRESSED_TYPES.has(extname(file))) return file;
  const accepts = String(req.headers['accept-encoding'] ?? '');
  for (const [token, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts.includes(token)) continue;
    try {
      statSync(file + suffix);
    } catch {
      continue;
    }
    res.setHeader('Content-Encoding', token);
    res.setHeader('Vary', 'Accept-Encoding');
    return file + suffix;
  }
  return file;
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
  const sitePath = url.pathname.startsWith(prefix) ? `/${url.pathname.slice(prefix.length)}` : url.pathname;
  for (const [name, value] of headersFor(sitePath)) res.setHeader(name, value);
  createReadStream(encoded(req, res, target)).pipe(res);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
