/**
 * What the Firefox and WebKit suites read from /evaluation/ and from a page's
 * width, as functions that run in the page (serialised by
 * puppeteer-core's evaluate and selenium-webdriver's executeScript: they use
 * nothing from this module's scope). The Chromium side of the same checks is
 * tests/e2e/evaluation-reproduce.spec.ts and page-width.spec.ts.
 */

/** How much wider than the viewport the document is (0: it does not scroll sideways). */
export function sidewaysOverflow(): number {
  return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Clicks the first "Run in my browser" button of the baseline (Euclidean) row of `model` on `dataset`; false when there is none. */
export function startBaselineRun(model: string, dataset: string): boolean {
  const suffix = `, ${model} on ${dataset}`;
  const button = [...document.querySelectorAll<HTMLButtonElement>('button.reproduce-button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? '';
    return label.startsWith('Run in my browser: euclidean, ') && label.endsWith(suffix) && label.split(', ').length === 3;
  });
  button?.click();
  return button !== undefined;
}

/** The open run panel's status line and result rows (cell texts), once its result is shown; null before. */
export function shownRunResult(): { status: string; rows: string[][] } | null {
  const panel = [...document.querySelectorAll<HTMLElement>('[data-reproduce]')].find((p) => !p.hidden && !p.querySelector<HTMLElement>('[data-result]')!.hidden);
  if (!panel) return null;
  return {
    status: panel.querySelector('[data-status]')?.textContent ?? '',
    rows: [...panel.querySelectorAll('[data-result] tbody tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
  };
}

/**
 * The same overflow for `src` framed `width` px wide (the framed page's viewport is the iframe's: its media queries
 * and widths are a phone's), for a browser whose window cannot be made that narrow (WebKit's MiniBrowser stops at
 * about 450 px). Resolves once the framed page has loaded; the frame is removed again.
 */
export function framedOverflow(src: string, width: number): Promise<number> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.title = `The page ${width} px wide`;
    frame.style.cssText = `position: fixed; inset: 0 auto auto 0; width: ${width}px; height: 900px; border: 0`;
    frame.onload = () => {
      const root = frame.contentDocument!.documentElement;
      resolve(Math.max(0, root.scrollWidth - root.clientWidth));
      frame.remove();
    };
    frame.src = src;
    document.body.append(frame);
  });
}
