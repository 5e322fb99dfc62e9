/**
 * The site in WebKit (tests/webkit/webkit.ts): home, search, a topic page's
 * live figure by keyboard and pointer, and every figure embed's fit in a
 * 1920 × 1080 slide (WebKit's fonts and layout), against the built site served
 * with its _headers (cross-origin isolated).
 * Run: npm run test:webkit (after npm run build; SITE_DIR=… for another build).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { figureFitInPage } from '../e2e/support/figure-fit.ts';
import { FIGURES } from '../../src/figures/registry.ts';
import { webkitSuite } from './suite.ts';
import { framedOverflow, shownRunResult, startBaselineRun } from '../helpers/evaluation-in-page.ts';
import { PAGE_KINDS, WIDTHS } from '../helpers/site-pages.ts';

const { onPage, url, version } = webkitSuite();

describe('WebKit: the site', () => {
  test('the home page shows its heading, is cross-origin isolated and has WASM SIMD', async (t) => {
    t.diagnostic(`WebKitGTK ${await version()}`);
    await onPage('', async (page) => {
      assert.match(await page.text('h1'), /\S/);
      const facts = await page.evaluate(() => ({
        topics: document.querySelectorAll('a[href*="topics/"]').length,
        isolated: crossOriginIsolated,
        // v128.const 0 and drop: the smallest function body that needs SIMD.
        simd: WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 23, 1, 21, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 26, 11])),
      }));
      assert.deepEqual(facts.isolated, true, 'COOP/COEP from _headers make the page cross-origin isolated');
      assert.ok(facts.simd, 'WebAssembly SIMD');
      assert.ok(facts.topics > 0, 'links to the topics');
    });
  });

  test('a topic page’s live figure comes alive and follows the keyboard and a pointer drag', async () => {
    await onPage('topics/few-shot-learning/', async (page) => {
      const figure = '#figure-prototype-classifier';
      await page.evaluate((s: string) => document.querySelector(s)!.scrollIntoView(), figure);
      await page.waitFor('the figure to come alive', 20_000, (s: string) => document.querySelector(`${s}[data-state="live"]`) !== null, figure);
      const summary = `${figure} [data-summary]`;
      const changed = (s: string, before: string) => document.querySelector(s)?.textContent !== before;
      const before = await page.text(summary);
      await page.evaluate((s: string) => document.querySelector<SVGElement>(`${s} [data-handle]`)!.focus(), figure);
      await page.pressKey(Key.ARROW_UP);
      await page.waitFor('the summary to follow the arrow key', 5000, changed, summary, before);
      const afterKeys = await page.text(summary);
      const box = await page.box(`${figure} [data-handle]`);
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.strokes('mouse', [[[x, y], [x + 10, y + 8], [x + 25, y + 18], [x + 40, y + 30]]]);
      await page.waitFor('the summary to follow the drag', 5000, changed, summary, afterKeys);
    });
  });

  test('search finds papers and shows them with their marks', async () => {
    await onPage('search/?q=memorizes%20the%20embeddings%20of%20past%20iterations', async (page) => {
      await page.waitFor('search results', 20_000, () => document.querySelector('[data-search-results] > li') !== null);
      assert.match(await page.text('[data-search-results] > li'), /Cross-Batch Memory for Embedding Learning/);
      assert.ok(await page.evaluate(() => document.querySelector('[data-search-results] > li mark') !== null), 'the matched words are marked');
    });
  });

  test(`no page (one of each kind, every topic) scrolls sideways at ${WIDTHS.join(', ')} px (each framed that wide)`, async () => {
    await onPage(
      '',
      async (page) => {
        const wider: string[] = [];
        for (const width of WIDTHS)
          for (const path of PAGE_KINDS) {
            const overflow = await page.evaluate(framedOverflow, url(path), width);
            if (overflow > 1) wider.push(`/${path} at ${width} px: ${overflow} px too wide`);
          }
        assert.deepEqual(wider, []);
      },
      { width: 1440, height: 1000 },
    );
  });

  test('/evaluation/ runs the raw-pixels baseline row on photo-kinds in WebKit and prints the published numbers to the last bit', async () => {
    await onPage('evaluation/', async (page) => {
      assert.ok(await page.evaluate(startBaselineRun, 'raw-pixels', 'photo-kinds'), 'the row has a Run button');
      const { status, rows } = (await page.waitFor('the row’s result', 90_000, shownRunResult))!;
      assert.match(status, /Every printed number matches the published one\./, status);
      assert.ok(rows.length > 0 && rows.every((r) => r.at(-1) === 'none: the same number to the last bit'), JSON.stringify(rows));
    });
  });

  test('every figure embed fills a 1920 × 1080 frame with large text, no label clipped, the smallest at 18 px or more', async () => {
    const [first, ...rest] = FIGURES;
    await onPage(
      `embed/${first!.id}/?text=large`,
      async (page) => {
        for (const { id } of [first!, ...rest]) {
          if (id !== first!.id) await page.goto(url(`embed/${id}/?text=large`));
          await page.waitFor(`${id} to come alive`, 20_000, () => document.querySelector('[data-live-figure][data-state="live"]') !== null);
          const fit = await page.evaluate(figureFitInPage);
          assert.ok(Math.max(fit.fillWidth, fit.fillHeight) >= 0.7, `${id}: ${JSON.stringify(fit)}`);
          assert.deepEqual(fit.clipped, [], id);
          if (Number.isFinite(fit.smallestLabelPx)) assert.ok(fit.smallestLabelPx >= 18, `${id}: smallest label ${fit.smallestLabelPx} px`);
          assert.deepEqual(await page.errors(), [], id);
        }
      },
      { width: 1920, height: 1080 },
    );
  });
});
