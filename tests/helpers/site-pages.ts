import { readdirSync } from 'node:fs';

/**
 * One page of every kind the site has (home, evaluation, performance, lab, graph, compare, search, slides, models,
 * a paper) and every topic: what each engine checks for sideways scrolling at phone, tablet and desktop widths
 * (tests/e2e/page-width.spec.ts in Chromium, the Firefox and WebKit suites).
 */
const TOPICS = readdirSync(new URL('../../src/content/topics/', import.meta.url)).map((file) => `topics/${file.replace(/\.mdx$/, '')}/`);
export const PAGE_KINDS = ['', 'evaluation/', 'performance/', 'lab/', 'graph/', 'compare/', 'search/', 'slides/', 'models/', 'papers/circle-loss/', ...TOPICS];
export const WIDTHS = [360, 768, 1280];
