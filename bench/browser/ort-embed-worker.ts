/// <reference lib="webworker" />
/** The model timed in a worker, where the lab runs it (entry.ts runOrtInWorker): one measurement per worker. */
import { runOrt } from './ort-timing.ts';

self.onmessage = async ({ data: [model, threads, iterations, gapMs] }: MessageEvent<[string, number, number, number]>) => {
  const { medianMs, p90Ms } = await runOrt(model, threads, iterations, gapMs);
  self.postMessage({ medianMs, p90Ms });
};
