/** The lab page's parts and steps, for the WebKit lab and tablet tests. */
import type { WebKitPage } from './webkit.ts';

/** The nth class card (from 1). */
export const classCard = (n: number) => `[data-lab-classes] > article.lab-class:nth-of-type(${n})`;

/** Chooses the model (when given), starts the lab and waits for its two empty classes. */
export async function startLab(page: WebKitPage, model?: string) {
  if (model) await page.selectOption('[data-lab-model]', model);
  await page.click('[data-lab-start]');
  await page.waitFor('the lab to be ready with two classes', 60_000, () => /^Ready: /.test(document.querySelector('[data-lab-status]')?.textContent ?? '') && document.querySelectorAll('.lab-class').length === 2);
}

/** Runs the example set and waits for its verdict on each query. */
export async function runExampleSet(page: WebKitPage, timeout = 90_000) {
  await page.click('[data-lab-preset]');
  // What the lab shows is kept as "last seen", so a timeout says where it stopped (status line, classes, verdicts).
  await page.waitForValue(
    'the example set’s verdicts',
    timeout,
    () => ({
      verdicts: document.querySelectorAll('.prediction .verdict').length,
      classes: document.querySelectorAll('.lab-class').length,
      status: document.querySelector('[data-lab-status]')?.textContent?.trim(),
      errors: (window as unknown as { __uncaught?: string[] }).__uncaught,
    }),
    (seen) => seen.verdicts >= 3,
  );
}
