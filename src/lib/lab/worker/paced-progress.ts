import type { Progress } from '../messages';

/**
 * Progress to the page at most every `ms` (and always the first and the last
 * step): each report is a message the page handles as a task of its own, and
 * a 4,000-picture import reporting every picture cost the page 0.9 s of
 * script in 4,000 tasks (a CPU profile of bench:lab's 200 × 20 folder run).
 */
export function paced(onProgress: Progress, ms = 100): Progress {
  let last = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (done !== 1 && done < total && now - last < ms) return;
    last = now;
    onProgress(done, total);
  };
}
