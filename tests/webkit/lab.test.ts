/**
 * The few-shot lab in WebKit (tests/webkit/webkit.ts): the example set with
 * every model the page offers, on WASM threads (the site served with its
 * _headers is cross-origin isolated); the stage in a 1280 × 720 frame; classes
 * taught by drawing on the pads, kept over a reload; and photos picked as files.
 * Run: npm run test:webkit (after npm run build; SITE_DIR=… for another build).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSize, labVerdicts, markVerdictsSeen, newVerdicts, offeredModels, stageVerdict } from '../helpers/lab-in-page.ts';
import { circle, cross } from '../e2e/lab-drawing.ts';
import { MODELS } from '../../src/lib/models/catalog.ts';
import { classCard, runExampleSet, startLab } from './lab.ts';
import type { Point } from './webkit.ts';
import { webkitSuite } from './suite.ts';

const { onPage } = webkitSuite();
const photo = (name: string) => new URL(`../fixtures/photos/${name}`, import.meta.url).pathname;

describe('WebKit: the lab', () => {
  test('the lab’s example set loads and classifies its queries with every model the page offers, on WASM threads', async () => {
    let models: string[] = [];
    await onPage('lab/', async (page) => void (models = await page.evaluate(offeredModels)));
    assert.ok(models.length >= 2, `both models offered: ${models.join(', ')}`);
    for (const model of models) {
      await onPage('lab/', async (page) => {
        await page.selectOption('[data-lab-model]', model);
        await runExampleSet(page);
        // One query per class, in the classes' order: each is classified as its own class.
        const { verdicts, classes } = await page.evaluate(labVerdicts);
        assert.deepEqual(verdicts, classes, `${model}: verdicts against classes`);
        const status = await page.text('[data-lab-status]');
        assert.match(status, /Ready: .*WASM/s, model);
        const threads = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency || 1));
        assert.equal(Number(/(\d+) threads?\b/.exec(status)?.[1]), threads, `${model}: WASM threads (cross-origin isolated) in "${status}"`);
      });
    }
  });

  test('the lab stage runs its example set in a 1280 × 720 frame without scrolling', async () => {
    await onPage(
      'embed/lab/?layout=stage',
      async (page) => {
        // The embed sends ?layout=stage on to its own page, stage/.
        await page.waitFor('the stage page', 20_000, () => location.pathname.endsWith('/embed/lab/stage/') && document.readyState === 'complete' && document.querySelector('[data-stage]') !== null);
        await page.watchErrors();
        await page.click('[data-lab-preset]');
        await page.waitFor('a verdict on the stage', 90_000, () => (document.querySelector('[data-stage-verdict]')?.textContent ?? '—') !== '—');
        const { verdict, classes } = await page.evaluate(stageVerdict);
        assert.ok(classes.includes(verdict), `the verdict ${verdict} is one of the classes ${classes.join(', ')}`);
        const size = await page.evaluate(documentSize);
        assert.ok(size.height <= size.innerHeight && size.width <= size.innerWidth, JSON.stringify(size));
      },
      { width: 1280, height: 720 },
    );
  });

  test('classes drawn on the pads with a mouse, and a drawn query finds its class', async () => {
    await onPage('lab/', async (page) => {
      await startLab(page);
      for (const [x, y, r] of [[0.5, 0.5, 0.3], [0.45, 0.55, 0.25]] as const) {
        await page.draw(`${classCard(1)} canvas.pad`, [circle(x, y, r)]);
        await page.click(`${classCard(1)} [data-draw-only]`);
        await page.draw(`${classCard(2)} canvas.pad`, cross(x, y, r));
        await page.click(`${classCard(2)} [data-draw-only]`);
      }
      await page.waitFor('two examples in each class', 30_000, () => [...document.querySelectorAll('.lab-class .count')].every((c) => c.textContent === '2 examples'));
      const queries: Array<[Point[][], string]> = [
        [[circle(0.5, 0.52, 0.28)], 'Class A'],
        [cross(0.5, 0.5, 0.3), 'Class B'],
      ];
      for (const [shape, expected] of queries) {
        await page.click('[data-lab-query-clear]');
        await page.evaluate(markVerdictsSeen);
        await page.draw('[data-lab-query-pad]', shape);
        await page.click('[data-lab-classify]');
        assert.deepEqual(await page.waitForValue(`the verdict on a drawn ${expected}`, 30_000, newVerdicts, (v) => v.length > 0), [expected]);
      }
      // Saved in this browser: a reload offers the lab back (WebKitGTK's worker once stalled on its IndexedDB saves).
      await page.goto(await page.evaluate(() => location.href));
      const offer = await page.waitForValue('the offer to resume the saved lab', 30_000, () => document.querySelector('[data-lab-start]')?.textContent?.trim(), (text) => /^Resume/.test(text ?? ''));
      assert.equal(offer, 'Resume your lab (2 classes, 4 examples)');
    });
  });

  test('with the photo model, classes come from picked photo files and new photos find their classes', async () => {
    await onPage('lab/', async (page) => {
      await startLab(page, MODELS.find((m) => m.kind === 'photo')!.id);
      await page.pickFiles(`${classCard(1)} input[type="file"]`, [photo('chelsea.png')]);
      await page.pickFiles(`${classCard(2)} input[type="file"]`, [photo('coffee.png')]);
      await page.waitFor('one example in each class', 60_000, () => [...document.querySelectorAll('.lab-class .count')].every((c) => c.textContent === '1 example'));
      await page.evaluate(markVerdictsSeen);
      await page.pickFiles('[data-lab-query-files]', [photo('coffee.png'), photo('chelsea.png')]);
      assert.deepEqual(await page.waitForValue('verdicts on two photos', 60_000, newVerdicts, (v) => v.length === 2), ['Class B', 'Class A']);
    });
  });
});
