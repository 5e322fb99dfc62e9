/**
 * Writes <dist>/_headers, the response headers for static hosts that read one
 * (Cloudflare Pages syntax: a path pattern, then indented headers; "! Name"
 * drops a header an earlier matching rule set). The end-to-end tests serve the
 * build with exactly this file (scripts/serve-static.mjs --headers).
 *
 * - Every page is cross-origin isolated (COOP/COEP), so the lab's WASM can use threads.
 * - Content-Security-Policy: nothing from any other origin; inline scripts only
 *   by the hash of each one Astro emitted; 'wasm-unsafe-eval' only on pages that
 *   run WASM (the lab, search, embeds, topics with live figures).
 * - Pages may be framed only by the site itself, except /embed/*, which any page
 *   may frame and load across origins (CORP cross-origin), also when that page is
 *   itself cross-origin isolated.
 * Usage: node scripts/write-headers.ts [dist]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES } from '../src/figures/registry.ts';
import { htmlFiles, scriptsIn } from './site-files.ts';

const dist = process.argv[2] ?? 'dist';

const hashes = new Set<string>();
for (const file of htmlFiles(dist)) {
  for (const { src, body } of scriptsIn(readFileSync(file, 'utf8'))) {
    if (!src && body.trim()) hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
}

function csp({ wasm, framedBy }: { wasm: boolean; framedBy: string }): string {
  return [
    "default-src 'self'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''} ${[...hashes].sort().join(' ')}`.trim(),
    // KaTeX and Astro set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Thumbnails are data: URLs, camera frames and exports blob: URLs; presets are fetched from data: URLs.
    "img-src 'self' data: blob:",
    "connect-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "worker-src 'self' blob:",
    // The web app manifest (installing the lab).
    "manifest-src 'self'",
    // KaTeX's smallest fonts are inlined as data: URLs by the build.
    "font-src 'self' data:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framedBy}`,
  ].join('; ');
}

// A worker runs under the policy sent with its own script, so the script folders
// (the lab's and Pagefind's workers live there) allow WASM too; for a script
// loaded by a page, the header is ignored and the page's policy applies.
const wasmPages = ['/lab/*', '/search/*', ...new Set(FIGURES.map((f) => `/topics/${f.topic}/*`)), '/_astro/*', '/pagefind/*'];
const rule = (pattern: string, headers: Array<[string, string]>, drop: string[] = []) =>
  [pattern, ...drop.map((name) => `  ! ${name}`), ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');

const rules = [
  '# Written by scripts/write-headers.ts at build time; see that file for the reasons.',
  rule('/*', [
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Embedder-Policy', 'require-corp'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Content-Security-Policy', csp({ wasm: false, framedBy: "'self'" })],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', 'camera=(self), microphone=(), geolocation=()'],
  ]),
  ...wasmPages.map((pattern) => rule(pattern, [['Content-Security-Policy', csp({ wasm: true, framedBy: "'self'" })]], ['Content-Security-Policy'])),
  rule(
    '/embed/*',
    [
      ['Cross-Origin-Resource-Policy', 'cross-origin'],
      ['Content-Security-Policy', csp({ wasm: true, framedBy: '*' })],
      // The page around an embed decides whether it may use the camera (its iframe's allow attribute).
      ['Permissions-Policy', 'camera=*, microphone=(), geolocation=()'],
    ],
    ['Cross-Origin-Resource-Policy', 'Content-Security-Policy', 'Permissions-Policy'],
  ),
  rule('/_astro/*', [['Cache-Control', 'public, max-age=31536000, immutable']]),
];
writeFileSync(join(dist, '_headers'), rules.join('\n\n') + '\n');
console.log(`_headers: ${hashes.size} inline script hashes, WASM allowed on ${wasmPages.length + 1} path patterns`);
