import { expect, test, type APIRequestContext } from '@playwright/test';
import { SITE_ISOLATED, SITE_WITH_BASE } from '../../playwright.config';

/**
 * The lab installs as an app: its web app manifest (public/manifest.webmanifest,
 * linked from every page of the site) has what browsers require, its icons are
 * PNGs of the sizes it claims, and Chromium itself parses it without an error,
 * under the site's Content-Security-Policy (manifest-src 'self') and under a
 * base path. Opening the installed lab offline: tests/e2e/offline.spec.ts.
 */
interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  background_color: string;
  theme_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
}

/** A PNG's width and height from its IHDR chunk (the signature, then the chunk's length and type, then width and height). */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function iconSize(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toBe('image/png');
  return pngSize(await response.body());
}

for (const [where, site] of [
  ['at the root, with the site’s headers', SITE_ISOLATED],
  ['under a base path', SITE_WITH_BASE],
] as const) {
  test(`${where}: the lab links a web app manifest that starts the lab standalone, with 192 and 512 px icons and a maskable one`, async ({ page, request }) => {
    const violations: string[] = [];
    page.on('console', (message) => /Content Security Policy|Refused to/.test(message.text()) && violations.push(message.text()));
    await page.goto(`${site}lab/`);
    const href = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
    const response = await request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    const manifest = (await response.json()) as Manifest;

    expect(manifest.name).toMatch(/\S/);
    expect(manifest.short_name.length, 'a launcher shows about 12 characters').toBeLessThanOrEqual(12);
    expect(manifest.display).toBe('standalone');
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    // URLs in a manifest are relative to the manifest: the start URL is the lab, inside the scope (the whole site).
    const start = new URL(manifest.start_url, href).href;
    const scope = new URL(manifest.scope, href).href;
    expect(start).toBe(`${site}lab/`);
    expect(scope).toBe(site);
    expect(start.startsWith(scope)).toBe(true);
    expect(await (await request.get(start)).text()).toContain('data-lab');

    const icons = await Promise.all(manifest.icons.map(async (icon) => ({ ...icon, purposes: (icon.purpose ?? 'any').split(' '), actual: await iconSize(request, new URL(icon.src, href).href) })));
    for (const icon of icons) {
      expect(icon.type).toBe('image/png');
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(icon.actual, `${icon.src} is ${icon.sizes}`).toEqual({ width, height });
    }
    const has = (size: string, purpose: string) => icons.some((i) => i.sizes.split(' ').includes(size) && i.purposes.includes(purpose));
    expect(has('192x192', 'any') && has('512x512', 'any') && has('512x512', 'maskable')).toBe(true);

    // Chromium's own parser: no error, and the same start URL and display.
    const cdp = await page.context().newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: Array<{ message: string }>; data?: string };
    expect(parsed.url).toBe(href);
    expect(parsed.errors.map((e) => e.message)).toEqual([]);
    expect(JSON.parse(parsed.data ?? '{}').start_url).toBe(manifest.start_url);
    expect(violations).toEqual([]);
    if (site === SITE_ISOLATED) expect((await request.get(`${site}lab/`)).headers()['content-security-policy']).toContain("manifest-src 'self'");
  });
}
