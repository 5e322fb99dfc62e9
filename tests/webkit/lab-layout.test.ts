/**
 * The lab's layout in WebKit (tests/webkit/webkit.ts), by the same geometry
 * check as Chromium's and Firefox's (tests/helpers/lab-layout.ts): the lab
 * page and its embed, the photo model's example set run, a metric learned and
 * every fold open, at each width from 360 to 1920 px.
 *
 * The MiniBrowser's window stops narrowing at about 450 px (its toolbar), so
 * the phone widths are measured in an iframe that wide instead, on the home
 * page: the framed page's viewport is the iframe's, so its media queries,
 * container queries and innerWidth are a phone's.
 * Run: npm run test:webkit (after npm run build; SITE_DIR=… for another build).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { LAB_LAYOUT_WIDTHS, labLayoutInPage, openLabDetails, squeezeLabParts } from '../helpers/lab-layout.ts';
import { MODELS } from '../../src/lib/models/catalog.ts';
import { runExampleSet } from './lab.ts';
import type { WebKitPage } from './webkit.ts';
import { webkitSuite } from './suite.ts';

const { onPage, url } = webkitSuite();
/** Below this the window cannot go; these widths are measured in an iframe. */
const NARROWEST_WINDOW = 768;
const HEIGHT = 900;

/** The photo model's example set run, a metric learned from it, and every fold of the lab open. */
async function everythingOnScreen(page: WebKitPage) {
  await page.selectOption('[data-lab-model]', MODELS.find((m) => m.kind === 'photo')!.id);
  await runExampleSet(page);
  await page.waitFor('the map and how well the lab knows the classes', 30_000, () => document.querySelector('[data-lab-map] svg') && document.querySelector('[data-lab-confusion]'));
  await page.waitFor('learning a metric to be offered', 30_000, () => !(document.querySelector<HTMLButtonElement>('[data-lab-head-learn]')?.disabled ?? true));
  await page.click('[data-lab-head-learn]');
  await page.waitFor('the learned metric’s column', 60_000, () => document.querySelectorAll('[data-lab-knowledge-table] thead th').length === 3);
  assert.ok((await page.evaluate(openLabDetails)) > 3, 'the lab’s folds');
}

/** Each width's failures, one line each. */
async function failuresAt(page: WebKitPage, width: number, resize: (width: number) => Promise<void>): Promise<string[]> {
  await resize(width);
  const layout = await page.evaluate(labLayoutInPage);
  assert.equal(layout.width, width, 'the viewport measured');
  return layout.problems.map((p) => `${width} px, ${p}`);
}

describe('WebKit: the lab’s layout', () => {
  test('the check finds parts squeezed into columns too narrow for them', async () => {
    await onPage(
      'lab/',
      async (page) => {
        await runExampleSet(page);
        assert.deepEqual((await page.evaluate(labLayoutInPage)).problems, []);
        await page.evaluate(squeezeLabParts);
        const { problems } = await page.evaluate(labLayoutInPage);
        assert.ok(problems.some((p) => / lies over the part (method|verdict)$/.test(p)), problems.join('\n'));
        assert.ok(problems.some((p) => / sticks out of the part method by /.test(p)), problems.join('\n'));
      },
      { width: 1440, height: HEIGHT },
    );
  });

  for (const path of ['lab/', 'embed/lab/']) {
    const wide = LAB_LAYOUT_WIDTHS.filter((w) => w >= NARROWEST_WINDOW);
    const narrow = LAB_LAYOUT_WIDTHS.filter((w) => w < NARROWEST_WINDOW);

    test(`${path}: at ${wide.join(', ')} px (the window) no part, control or table overlaps, sticks out or is cut off, and nothing scrolls sideways`, async () => {
      await onPage(
        path,
        async (page) => {
          await everythingOnScreen(page);
          const failures: string[] = [];
          for (const width of wide) failures.push(...(await failuresAt(page, width, (w) => page.setViewport(w, HEIGHT))));
          assert.deepEqual(failures, []);
        },
        { width: 1280, height: HEIGHT },
      );
    });

    test(`${path}: at ${narrow.join(', ')} px (an iframe that wide) the same holds, step by step`, async () => {
      await onPage(
        '',
        async (page) => {
          await page.evaluate((src: string) => {
            const frame = document.createElement('iframe');
            frame.src = src;
            frame.title = 'The lab at a phone’s width';
            frame.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 1280px; height: 880px; border: 0; background: Canvas';
            document.body.append(frame);
          }, url(path));
          const frame = await page.driver.findElement(By.css('body > iframe'));
          const resize = async (width: number) => {
            await page.driver.switchTo().defaultContent();
            await page.evaluate((w: number) => void (document.querySelector<HTMLIFrameElement>('body > iframe')!.style.width = `${w}px`), width);
            await page.driver.switchTo().frame(frame);
          };
          try {
            await page.driver.switchTo().frame(frame);
            await page.waitFor('the framed lab', 30_000, () => document.readyState === 'complete' && document.querySelector('[data-lab-preset]') !== null);
            await everythingOnScreen(page);
            const failures: string[] = [];
            for (const width of narrow) failures.push(...(await failuresAt(page, width, resize)));
            assert.deepEqual(failures, []);
          } finally {
            // onPage reads the uncaught errors of the top page.
            await page.driver.switchTo().defaultContent();
          }
        },
        { width: 1280, height: HEIGHT },
      );
    });
  }
});
