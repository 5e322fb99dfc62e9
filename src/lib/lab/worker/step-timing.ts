/**
 * How long the worker's steps took, as User Timing measures in the worker
 * ("lab keep", "lab embed", …), so bench:lab can break a request down
 * (adding a photo: issue 24, item 4) from the worker's own clock. Only the
 * latest measure of each step is kept, so a 10,000-picture import leaves
 * one entry per step, not 10,000.
 */
export async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.clearMeasures(`lab ${step}`);
    performance.measure(`lab ${step}`, { start });
  }
}
