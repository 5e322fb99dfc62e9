/**
 * The lab in WebKit in an iPad's window, landscape (1024 × 768) and portrait
 * (768 × 1024), drawn on by touch (see WebKitPage.touchFromScript for what
 * WebKitGTK can and cannot do there): the page does not scroll sideways, the
 * pads keep a finger for drawing (touch-action: none, or Safari would scroll
 * the page instead), the example set runs, a drawing by touch becomes an
 * example, and a query drawn by WebDriver's touch actions is classified.
 * Run: npm run test:webkit (after npm run build; SITE_DIR=… for another build).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSize, labVerdicts, markVerdictsSeen, newVerdicts } from '../helpers/lab-in-page.ts';
import { circle, cross } from '../e2e/lab-drawing.ts';
import { classCard, runExampleSet } from './lab.ts';
import { webkitSuite } from './suite.ts';

const { onPage } = webkitSuite();

describe('WebKit: the lab on an iPad-sized window, by touch', () => {
  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    test(`at ${width} × ${height}: no sideways scrolling, the pads take touch, the example set runs, touch drawings become an example and a query`, async (t) => {
      await onPage(
        'lab/',
        async (page) => {
          await runExampleSet(page);
          // With the example set's classes, verdicts and map on screen.
          const size = await page.evaluate(documentSize);
          assert.ok(size.width <= size.innerWidth, `the page scrolls sideways: ${JSON.stringify(size)}`);
          const touchAction = await page.evaluate(() => [...document.querySelectorAll('canvas.pad, [data-lab-query-pad]')].map((c) => getComputedStyle(c).touchAction));
          assert.ok(touchAction.length >= 4 && touchAction.every((a) => a === 'none'), `touch-action of the pads: ${touchAction.join(', ')}`);

          // A drawing by touch on the first class's pad, added to it.
          const counter = `${classCard(1)} .count`;
          const before = await page.text(counter);
          await page.touchFromScript(`${classCard(1)} canvas.pad`, cross(0.5, 0.5, 0.3));
          await page.click(`${classCard(1)} [data-draw-only]`);
          const expected = `${Number.parseInt(before, 10) + 1} examples`;
          await page.waitFor(`"${expected}" on the first class`, 30_000, (s: string, c: string) => document.querySelector(s)?.textContent === c, counter, expected);

          // A query drawn by WebDriver's touch actions, classified as one of the classes (or unknown, nearest one of them).
          await page.evaluate(() => {
            const seen: string[] = ((window as unknown as { __pointerTypes: string[] }).__pointerTypes = []);
            document.querySelector('[data-lab-query-pad]')!.addEventListener('pointerdown', (e) => seen.push((e as PointerEvent).pointerType));
          });
          await page.click('[data-lab-query-clear]');
          await page.evaluate(markVerdictsSeen);
          await page.draw('[data-lab-query-pad]', [circle(0.5, 0.5, 0.3)], 'touch');
          const seen = await page.evaluate(() => (window as unknown as { __pointerTypes: string[] }).__pointerTypes);
          assert.equal(seen.length, 1, 'the touch stroke reached the query pad');
          t.diagnostic(`WebDriver touch actions arrive in the page as pointerType "${seen[0]}"`);
          await page.click('[data-lab-classify]');
          const [verdict] = await page.waitForValue('a verdict on the touch-drawn query', 30_000, newVerdicts, (v) => v.length > 0);
          const { classes } = await page.evaluate(labVerdicts);
          assert.ok(classes.some((name) => verdict === name || verdict === `Unknown (nearest: ${name})`), `verdict ${verdict} among ${classes.join(', ')}`);
        },
        { width, height },
      );
    });
  }
});
