/**
 * The web app manifest's icons (public/manifest.webmanifest), drawn from the
 * site's favicon (public/favicon.svg) by sharp (libvips, an optional
 * dependency of Astro's image service): 192 and 512 px for "any" purpose (the
 * favicon's three dots on the site's white, with a margin), a 512 px maskable
 * one (the dots inside the circle a launcher's mask always keeps)
 * and Apple's 180 px touch icon (opaque: iOS puts black behind transparency).
 * The PNGs are committed; run this again after changing the favicon.
 * Usage: npm run make:icons
 */
import { mkdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

const OUT = 'public/icons';
const BACKGROUND = '#ffffff';
const svg = readFileSync('public/favicon.svg');

/** The favicon drawn at `share` of `size`, centred on the background. */
async function icon(file: string, size: number, share: number) {
  const inner = Math.round(size * share);
  const dots = await sharp(svg, { density: (72 * inner) / 32 }).resize(inner, inner).png().toBuffer();
  await sharp({ create: { width: size, height: size, channels: 4, background: BACKGROUND } })
    .composite([{ input: dots, gravity: 'centre' }])
    .png({ compressionLevel: 9 })
    .toFile(`${OUT}/${file}`);
  console.log(`${OUT}/${file}: ${size} × ${size}`);
}

mkdirSync(OUT, { recursive: true });
await icon('icon-192.png', 192, 0.9);
await icon('icon-512.png', 512, 0.9);
// The favicon's dots lie within 0.87 of its half-width from its centre: drawn at 0.8 of the icon they reach 0.35 of
// the icon's width from its centre, inside the circle of radius 0.4 that a launcher's mask always keeps.
await icon('icon-maskable-512.png', 512, 0.8);
await icon('apple-touch-icon.png', 180, 0.8);
