/**
 * The lab's layout in Firefox ESR (puppeteer-core over WebDriver BiDi), by the
 * same geometry check as Chromium's and WebKit's (tests/helpers/lab-layout.ts):
 * the lab page and its embed, the photo model's example set run, a metric
 * learned and every fold open, at each width from 360 to 1920 px.
 * Run: npm run test:firefox (after npm run build; SITE_DIR=… for another build).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { LAB_LAYOUT_WIDTHS, labLayoutInPage, openLabDetails, squeezeLabParts } from '../helpers/lab-layout.ts';
import { MODELS } from '../../src/lib/models/catalog.ts';
import { FIREFOX, firefoxSuite, LAB_TIMEOUT, setViewport } from './suite.ts';

const { open } = firefoxSuite();

/** The photo model's example set run, a metric learned from it, and every fold of the lab open. */
async function everythingOnScreen(page: Page) {
  await page.select('[data-lab-model]', MODELS.find((m) => m.kind === 'photo')!.id);
  await page.click('[data-lab-preset]');
  await page.waitForFunction(() => document.querySelector('.prediction .verdict') && document.querySelector('[data-lab-map] svg') && document.querySelector('[data-lab-confusion]'), { timeout: LAB_TIMEOUT });
  await page.waitForFunction(() => !(document.querySelector<HTMLButtonElement>('[data-lab-head-learn]')?.disabled ?? true), { timeout: LAB_TIMEOUT });
  await page.click('[data-lab-head-learn]');
  await page.waitForFunction(() => document.querySelectorAll('[data-lab-knowledge-table] thead th').length === 3, { timeout: LAB_TIMEOUT });
  assert.ok((await page.evaluate(openLabDetails)) > 3, 'the lab’s folds');
}

describe(`Firefox (${FIREFOX}): the lab’s layout`, () => {
  test('the check finds parts squeezed into columns too narrow for them', async () => {
    const { page } = await open('lab/', { width: 1440, height: 900 });
    try {
      await page.click('[data-lab-preset]');
      await page.waitForFunction(() => document.querySelectorAll('.prediction .verdict').length >= 3, { timeout: LAB_TIMEOUT });
      assert.deepEqual((await page.evaluate(labLayoutInPage)).problems, []);
      await page.evaluate(squeezeLabParts);
      const { problems } = await page.evaluate(labLayoutInPage);
      assert.ok(problems.some((p) => / lies over the part (method|verdict)$/.test(p)), problems.join('\n'));
      assert.ok(problems.some((p) => / sticks out of the part method by /.test(p)), problems.join('\n'));
    } finally {
      await page.browserContext().close();
    }
  });

  for (const path of ['lab/', 'embed/lab/']) {
    test(`${path}: at every width from 360 to 1920 px no part, control or table overlaps, sticks out or is cut off, and nothing scrolls sideways`, async () => {
      const { page, errors } = await open(path, { width: 1280, height: 900 });
      try {
        await everythingOnScreen(page);
        const failures: string[] = [];
        for (const width of LAB_LAYOUT_WIDTHS) {
          await setViewport(page, { width, height: 900 });
          const layout = await page.evaluate(labLayoutInPage);
          assert.equal(layout.width, width);
          failures.push(...layout.problems.map((p) => `${width} px, ${p}`));
        }
        assert.deepEqual(failures, []);
        assert.deepEqual(errors, []);
      } finally {
        await page.browserContext().close();
      }
    });
  }
});
