/**
 * The page's main-thread long tasks, as bench:lab's phases read them: every task over 50 ms (PerformanceObserver
 * "longtask", buffered, so the tasks since the page opened count too) with its start, and for each frame over
 * 100 ms what ran in it (long-animation-frame attribution, where the browser has it). A phase tells its own tasks
 * apart by their start on the page's clock.
 */
import type { Page } from '@playwright/test';

export type LongTask = { start: number; ms: number };
export type LongFrame = { start: number; ms: number; scripts: string[] };
type Recorded = { longTasks: LongTask[]; longFrames: LongFrame[] };

/** Starts recording (again after each navigation: a new document starts empty). */
export const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    type Frame = PerformanceEntry & { scripts: Array<{ invoker: string; duration: number; sourceURL: string; sourceCharPosition: number }> };
    const w = window as unknown as Recorded;
    [w.longTasks, w.longFrames] = [[], []];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
    const script = (s: Frame['scripts'][number]) => `${s.invoker} ${Math.round(s.duration)} ms (${s.sourceURL.split('/').pop()}:${s.sourceCharPosition})`;
    const onFrames = (list: PerformanceObserverEntryList) => (list.getEntries() as Frame[]).forEach((e) => e.duration > 100 && w.longFrames.push({ start: e.startTime, ms: e.duration, scripts: e.scripts.map(script) }));
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) new PerformanceObserver(onFrames).observe({ type: 'long-animation-frame' });
  });

/** The long tasks that started at or after `since` (the page's clock; 0: all since it opened). */
export const longTasksSince = (page: Page, since = 0) =>
  page.evaluate((since) => (window as unknown as Recorded).longTasks.filter((t) => t.start >= since), since);

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Prints each frame over 100 ms since `since` with the scripts that ran in it, as "label: a frame of N ms, M ms after the start: …". */
export async function printLongFrames(page: Page, label: string, since: number): Promise<void> {
  const frames = await page.evaluate((since) => (window as unknown as Recorded).longFrames.filter((f) => f.start >= since), since);
  for (const f of frames) console.log(`${label}: a frame of ${Math.round(f.ms)} ms, ${Math.round(f.start - since)} ms after the start:`, f.scripts.join('; ') || 'no script');
}
