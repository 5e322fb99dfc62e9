// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkAuthorRemarks from './src/integrations/remark-author-remarks.ts';

// SITE_BASE / SITE_OUT_DIR let the tests build the site as it is served from a
// sub-path (GitHub Pages style) next to the ordinary build.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://metric-atlas.example',
  base: process.env.SITE_BASE ?? '/',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
  markdown: {
    // The unified pipeline keeps remark/rehype plugins (KaTeX, the author-remark
    // marker); smart punctuation is off so the seed's text stays verbatim.
    processor: unified({
      smartypants: false,
      remarkPlugins: [remarkMath, remarkAuthorRemarks],
      rehypePlugins: [rehypeKatex],
    }),
  },
  build: { format: 'directory' },
  // ES-module workers keep code splitting: the lab worker imports onnxruntime-web's
  // WebGPU build only when an adapter exists, as a separate chunk.
  vite: { worker: { format: 'es' } },
  // `astro dev` and `astro preview` serve the site cross-origin isolated, so the
  // lab's WASM runtime can use threads; static hosts get the same from their headers.
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
});
