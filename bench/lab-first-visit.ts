import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { LabBenchRow } from '../src/schemas/bench-lab.ts';
import { settingChanges } from './lab-scale.ts';
import { full } from './smoke.ts';

/**
 * bench:lab's first visit (issue 24, item 3): in a fresh browser context,
 * open /lab/, choose the model and click "Try an example set"; time both from
 * the opening (the robot's clock) and from the click (the page's clock) to the first verdict. Then one more photo
 * (the model warm) and settings changes. Then a second visit in the same
 * context, the first page closed: the model, runtime and site are in the
 * browser's caches, and the first visit's lab is saved, so the click opens
 * it before the set replaces it. A third visit, its saved lab deleted, is the
 * plain "model cached" figure.
 */
const PHOTO_FILE = new URL('../tests/fixtures/photos/coffee.png', import.meta.url).pathname;

/**
 * On the page's own clock: from the click as the page received it (the event's timeStamp) to the frame that first
 * shows a verdict (the animation frame after it entered the DOM). Playwright's own click and polling would add
 * several hundred ms that no visitor waits (about 400 ms on this machine's cached visit).
 */
function watchFirstVerdict(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { firstVerdict: Promise<number> };
    w.firstVerdict = new Promise((resolve) => {
      let clickedAt: number | undefined;
      addEventListener('click', (event) => (clickedAt ??= event.timeStamp), { capture: true, once: true });
      const seen = new MutationObserver(() => {
        if (clickedAt === undefined || !document.querySelector('.prediction .verdict')) return;
        seen.disconnect();
        requestAnimationFrame((frame) => resolve(frame - clickedAt!));
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
  });
}

async function exampleSetVerdict(context: BrowserContext, site: string, model: string): Promise<{ page: Page; openMs: number; clickMs: number }> {
  const page = await context.newPage();
  const opened = Date.now();
  await page.goto(`${site}/lab/`);
  await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
  await watchFirstVerdict(page);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await page.locator('.prediction .verdict').first().waitFor({ timeout: 60_000 });
  const openMs = Date.now() - opened;
  const clickMs = await page.evaluate(() => (window as unknown as { firstVerdict: Promise<number> }).firstVerdict);
  return { page, openMs, clickMs: Math.round(clickMs) };
}

/**
 * One more photo into the first class, on the page's clock: from the file input's change event to the frame that
 * shows both the class's new count and predictions re-drawn after it ([data-lab-results] replaced). With the worker's
 * own measures of that add (step-timing.ts; ADD_STEPS below).
 */
async function addPhoto(page: Page): Promise<{ ms: number; steps: Record<string, number> }> {
  const input = page.locator('.lab-class').first().locator('input[type="file"]');
  await input.evaluate((input) => {
    const card = input.closest('.lab-class')!;
    const before = card.querySelector('.count')!.textContent;
    (window as unknown as { photoShown: Promise<number> }).photoShown = new Promise<number>((resolve) => {
      let changedAt: number | undefined;
      let redrawn = false;
      input.addEventListener('change', (event) => (changedAt = event.timeStamp), { once: true });
      const seen = new MutationObserver((records) => {
        if (changedAt === undefined) return;
        redrawn ||= records.some((r) => (r.target as Element).closest?.('[data-lab-results]') && r.addedNodes.length > 0);
        if (!redrawn || card.querySelector('.count')!.textContent === before) return;
        seen.disconnect();
        requestAnimationFrame((frame) => resolve(frame - changedAt!));
      });
      seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  const worker = page.workers().find((w) => w.url().includes('lab.worker'));
  if (!worker) throw new Error('The lab’s worker was not found.');
  // Only this add's measures: a step it does not take (a drawing model has no "run" of a kept original) is left out, not read stale.
  await worker.evaluate(() => performance.clearMeasures());
  await input.setInputFiles(PHOTO_FILE);
  const ms = await page.evaluate(() => (window as unknown as { photoShown: Promise<number> }).photoShown);
  const steps = await worker.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('lab ')).map((m) => [m.name.slice(4), m.duration])));
  return { ms, steps };
}

/** Photos added one after another (the model warm), each timed: one add is too noisy a figure (100 and 247 ms in two runs). */
const ADDS = full(9, 1);
const ADD_STEPS = {
  keep: 'decode, original JPEG and thumbnail',
  embed: 'the kept original embedded',
  pixels: 'of embed: the original decoded and preprocessed',
  run: 'of embed: the model run',
  save: 'saved',
  answer: 'verdicts and view',
} as const;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function addPhotos(page: Page, model: LabBenchRow['model'], isolated: boolean): Promise<LabBenchRow[]> {
  const adds: Array<Awaited<ReturnType<typeof addPhoto>>> = [];
  for (let i = 0; i < ADDS; i++) adds.push(await addPhoto(page));
  const ms = median(adds.map((a) => a.ms));
  const inWorker = Object.entries(ADD_STEPS)
    .filter(([step]) => adds.every((a) => step in a.steps))
    .map(([step, what]) => ({ step, what, ms: median(adds.map((a) => a.steps[step]!)) }));
  return [
    { task: `add a 451×300 photo → its count and the predictions updated (model warm; median of ${ADDS})`, model, isolated, ms: Math.round(ms) },
    ...inWorker.map(({ step, what, ms }) => ({ task: `… of which in the worker: ${step} (${what})`, model, isolated, ms: Math.round(ms * 10) / 10 })),
  ];
}

/**
 * The context with its saved lab (IndexedDB) deleted and its caches kept: a visitor back with the model cached but
 * nothing of their own, whose "Try an example set" has no saved lab to open and put behind Undo first.
 */
async function withoutSavedLab(context: BrowserContext, site: string): Promise<BrowserContext> {
  const blank = await context.newPage();
  const devtools = await context.newCDPSession(blank);
  await devtools.send('Storage.clearDataForOrigin', { origin: new URL(site).origin, storageTypes: 'indexeddb' });
  await blank.close();
  return context;
}

export async function firstVisit(browser: Browser, site: string, model: LabBenchRow['model']): Promise<LabBenchRow[]> {
  const context = await browser.newContext();
  try {
    const cold = await exampleSetVerdict(context, site, model);
    const isolated = await cold.page.evaluate(() => crossOriginIsolated);
    const adds = await addPhotos(cold.page, model, isolated);
    const changes = full(20, 2);
    const changeMs = await settingChanges(cold.page, changes);
    await cold.page.close();
    const cached = await exampleSetVerdict(context, site, model);
    await cached.page.close();
    const cachedNew = await exampleSetVerdict(await withoutSavedLab(context, site), site, model);
    return [
      { task: 'open /lab/ → first prediction of the example set', model, isolated, ms: cold.openMs },
      { task: 'click “Try an example set” → first prediction (first visit)', model, isolated, ms: cold.clickMs },
      { task: 'click “Try an example set” → first prediction (second visit: model cached, the first visit’s lab saved)', model, isolated, ms: cached.clickMs },
      { task: 'click “Try an example set” → first prediction (third visit: model cached, no lab saved)', model, isolated, ms: cachedNew.clickMs },
      ...adds,
      { task: `change a setting → 3 predictions and the map updated (mean of ${changes}; nothing re-embedded)`, model, isolated, ms: changeMs },
    ];
  } finally {
    await context.close();
  }
}
