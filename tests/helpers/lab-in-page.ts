/**
 * What the browser suites outside Playwright read from the lab, as functions
 * that run in the page: puppeteer-core's evaluate in the Firefox suite,
 * selenium-webdriver's executeScript in the WebKit suite. Each is serialised
 * into the page, so it uses nothing from this module's scope.
 */

/** The models the lab's select offers (a model of the visitor's own needs files and is left out). */
export function offeredModels(): string[] {
  return [...document.querySelectorAll<HTMLOptionElement>('[data-lab-model] option')].map((o) => o.value).filter((v) => v !== 'custom');
}

/** The verdict of every query card, in order, beside the classes' names in theirs. */
export function labVerdicts(): { verdicts: string[]; classes: string[] } {
  return {
    verdicts: [...document.querySelectorAll('.prediction .verdict')].map((v) => (v.textContent ?? '').replace(/^Prediction: /, '')),
    classes: [...document.querySelectorAll<HTMLInputElement>('.lab-class input[type="text"]')].map((i) => i.value),
  };
}

/** The stage's verdict and its classes' names. */
export function stageVerdict(): { verdict: string; classes: string[] } {
  return {
    verdict: document.querySelector('[data-stage-verdict]')?.textContent ?? '',
    classes: [...document.querySelectorAll('.stage-class .stage-class-name')].map((c) => c.textContent ?? ''),
  };
}

/** The document's scrolled size beside the viewport's: larger means the page scrolls. */
export function documentSize(): { width: number; height: number; innerWidth: number; innerHeight: number } {
  return { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, innerWidth, innerHeight };
}

/** Marks the query cards on screen, so that `newVerdicts` tells the next request's cards from them. */
export function markVerdictsSeen(): void {
  document.querySelectorAll('.prediction').forEach((p) => p.setAttribute('data-seen', ''));
}

/** The verdicts of the cards that came after `markVerdictsSeen`. */
export function newVerdicts(): string[] {
  return [...document.querySelectorAll('.prediction:not([data-seen]) .verdict')].map((v) => (v.textContent ?? '').replace(/^Prediction: /, ''));
}
