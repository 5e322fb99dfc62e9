/**
 * The site in Firefox ESR: Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi (Playwright's own Firefox build cannot be downloaded here).
 * Home, a topic page's live figure (keyboard and pointer), search, the
 * lab's example set with both models, every figure embed's fit in a
 * 1920 × 1080 slide (Firefox's fonts and layout, not Chromium's) and the lab
 * stage, against the built site (dist/).
 * Run: npm run test:firefox (after npm run build; SITE_DIR=… for another build).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { figureFitInPage } from '../e2e/support/figure-fit.ts';
import { documentSize, labVerdicts, offeredModels, stageVerdict } from '../helpers/lab-in-page.ts';
import { shownRunResult, sidewaysOverflow, startBaselineRun } from '../helpers/evaluation-in-page.ts';
import { PAGE_KINDS, WIDTHS } from '../helpers/site-pages.ts';
import { FIGURES } from '../../src/figures/registry.ts';
import { FIREFOX, firefoxSuite, LAB_TIMEOUT, setViewport } from './suite.ts';

const { open } = firefoxSuite();

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

describe(`Firefox (${FIREFOX})`, () => {
  test('the home page shows its heading and ships no script errors', async () => {
    const { page, errors } = await open('');
    assert.match(await text(page, 'h1'), /\S/);
    assert.ok((await page.$$('a[href*="topics/"]')).length > 0, 'links to the topics');
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  test('a topic page’s live figure comes alive and follows the keyboard and a pointer drag', async () => {
    const { page, errors } = await open('topics/few-shot-learning/');
    const figure = '#figure-prototype-classifier';
    await page.$eval(figure, (e) => e.scrollIntoView());
    await page.waitForSelector(`${figure}[data-state="live"]`, { timeout: 20_000 });
    const summary = `${figure} [data-summary]`;
    const before = await text(page, summary);
    // An SVG handle: page.focus() takes HTML elements only.
    await page.$eval(`${figure} [data-handle]`, (e) => (e as SVGElement).focus());
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((s, b) => document.querySelector(s)?.textContent !== b, {}, summary, before);
    const afterKeys = await text(page, summary);
    const handle = (await page.$(`${figure} [data-handle]`))!;
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((s, b) => document.querySelector(s)?.textContent !== b, {}, summary, afterKeys);
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  test('search finds papers and shows them with their marks', async () => {
    const { page, errors } = await open('search/?q=memorizes%20the%20embeddings%20of%20past%20iterations');
    await page.waitForSelector('[data-search-results] > li', { timeout: 20_000 });
    assert.match(await text(page, '[data-search-results] > li'), /Cross-Batch Memory for Embedding Learning/);
    assert.ok(await page.$('[data-search-results] > li mark'), 'the matched words are marked');
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  test('every figure embed fills a 1920 × 1080 frame with large text, no label clipped, the smallest at 18 px or more', async () => {
    for (const { id } of FIGURES) {
      const { page, errors } = await open(`embed/${id}/?text=large`);
      await setViewport(page, { width: 1920, height: 1080 });
      await page.waitForSelector('[data-live-figure][data-state="live"]', { timeout: 20_000 });
      const fit = await page.evaluate(figureFitInPage);
      assert.ok(Math.max(fit.fillWidth, fit.fillHeight) >= 0.7, `${id}: ${JSON.stringify(fit)}`);
      assert.deepEqual(fit.clipped, [], id);
      if (Number.isFinite(fit.smallestLabelPx)) assert.ok(fit.smallestLabelPx >= 18, `${id}: smallest label ${fit.smallestLabelPx} px`);
      assert.deepEqual(errors, [], id);
      await page.browserContext().close();
    }
  });

  test(`no page (one of each kind, every topic) scrolls sideways at ${WIDTHS.join(', ')} px`, async () => {
    const wider: string[] = [];
    for (const width of WIDTHS) {
      // Each page in a context of its own: in Firefox 140.12.0esr, moving on from /lab/ (which registers the service
      // worker) to the next page in the same tab timed out. Not the errors: the other tests here check for those.
      for (const path of PAGE_KINDS) {
        const { page } = await open(path, { width, height: 900 });
        const overflow = await page.evaluate(sidewaysOverflow);
        if (overflow > 1) wider.push(`/${path} at ${width} px: ${overflow} px too wide`);
        await page.browserContext().close();
      }
    }
    assert.deepEqual(wider, []);
  });

  test('/evaluation/ runs the raw-pixels baseline row on photo-kinds in Firefox and prints the published numbers to the last bit', async () => {
    const { page, errors } = await open('evaluation/');
    assert.ok(await page.evaluate(startBaselineRun, 'raw-pixels', 'photo-kinds'), 'the row has a Run button');
    await page.waitForFunction(shownRunResult, { timeout: LAB_TIMEOUT });
    const { status, rows } = (await page.evaluate(shownRunResult))!;
    assert.match(status, /Every printed number matches the published one\./, status);
    assert.ok(rows.length > 0 && rows.every((r) => r.at(-1) === 'none: the same number to the last bit'), JSON.stringify(rows));
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  test('the lab stage runs its example set in a 1280 × 720 frame without scrolling', async () => {
    // The stage's own address: embed/lab/?layout=stage replaces itself with it from a script, and Firefox fails a
    // WebDriver navigation that a page's script navigation overtakes (NS_BINDING_ABORTED). The Chromium and WebKit
    // suites follow that step.
    const { page, errors } = await open('embed/lab/stage/?layout=stage');
    await setViewport(page, { width: 1280, height: 720 });
    await page.waitForSelector('[data-stage]');
    await page.click('[data-lab-preset]');
    await page.waitForFunction(() => document.querySelector('[data-stage-verdict]')?.textContent !== '—', { timeout: LAB_TIMEOUT });
    const { verdict, classes } = await page.evaluate(stageVerdict);
    assert.ok(classes.includes(verdict), 'the verdict is one of the classes');
    const size = await page.evaluate(documentSize);
    assert.ok(size.height <= size.innerHeight && size.width <= size.innerWidth, JSON.stringify(size));
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  test('the lab’s example set loads and classifies its queries with every model of the catalog', async () => {
    const { page: first } = await open('lab/');
    const models = await first.evaluate(offeredModels);
    await first.browserContext().close();
    assert.ok(models.length >= 2, `both models offered: ${models.join(', ')}`);
    for (const model of models) {
      const { page, errors } = await open('lab/');
      await page.select('[data-lab-model]', model);
      await page.click('[data-lab-preset]');
      await page.waitForFunction(() => document.querySelectorAll('.prediction .verdict').length >= 3, { timeout: LAB_TIMEOUT });
      // One query per class, in the classes' order: each is classified as its own class.
      const { verdicts, classes } = await page.evaluate(labVerdicts);
      assert.deepEqual(verdicts, classes, `${model}: verdicts against classes`);
      assert.match(await text(page, '[data-lab-status]'), /Ready: .*onnxruntime-web (WASM|WebGPU)/);
      assert.deepEqual(errors, [], model);
      await page.browserContext().close();
    }
  });
});
