/**
 * The lab's layout, checked by geometry in the page: one function that every
 * browser suite runs the same way (Playwright's evaluate in tests/e2e,
 * puppeteer-core's in the Firefox suite, selenium-webdriver's executeScript in
 * the WebKit suite). It is serialised into the page, so it uses nothing from
 * this module's scope. It measures the lab (/lab/ or /embed/lab/) as it is on
 * screen; with the step buttons of a narrow screen showing, it measures each
 * step in turn and comes back to the one that was chosen.
 *
 * The rule (CSS pixels, half a pixel of tolerance for rounding):
 * 1. The parts (`[data-lab-part]`: examples, method, verdict) on screen do
 *    not intersect one another.
 * 2. Nothing sticks out of its part: every element in a part lies inside the
 *    part's box, and the part's content is no wider than the part.
 * 3. No control (input, select, textarea, button, summary, link, pad, video,
 *    meter, progress, a file button's label, anything focusable), where it
 *    shows (cut to the boxes that clip or scroll it), intersects a part other
 *    than its own, or another control (unless one holds the other).
 * 4. No control is clipped: it lies inside every ancestor that clips its
 *    overflow and inside the window's width. The one exception is a scroll
 *    box meant to scroll: an ancestor whose overflow on that axis is `auto`
 *    or `scroll` and that a keyboard can scroll, because it takes focus itself
 *    (tabindex ≥ 0, e.g. a wide table's role="region" box) or holds a control
 *    that does (focus scrolls it into view); the box itself must then fit.
 *    Content cut off by `overflow: hidden` or `clip` is always a failure.
 * 5. The page does not scroll sideways.
 * Elements that are not rendered (display: none, a closed <details>'s
 * content, visibility: hidden) or no larger than a pixel (visually hidden
 * inputs) are not measured; an <svg>'s own drawing is measured as the svg.
 */

/** The widths (CSS pixels) every browser suite checks the lab at: phones, a tablet upright, laptops and desktops. */
export const LAB_LAYOUT_WIDTHS = [360, 390, 768, 1024, 1280, 1366, 1440, 1920] as const;

export interface LabLayout {
  /** The viewport's width, in CSS pixels. */
  width: number;
  /** What was measured: "parts" for the parts side by side or stacked, "step <name>" for each step on a narrow screen. */
  views: string[];
  /** Every failure of the rule, one readable line each; none when the layout holds. */
  problems: string[];
}

export async function labLayoutInPage(): Promise<LabLayout> {
  const TOLERANCE = 0.5;
  type Box = { left: number; top: number; right: number; bottom: number };
  const lab = document.querySelector<HTMLElement>('[data-lab]');
  if (!lab) return { width: innerWidth, views: [], problems: ['no [data-lab] on this page'] };

  const shown = (e: Element) => {
    if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') return false;
    // A closed <details> shows its summary only (some engines still lay out the rest, unseen).
    const closed = e.closest('details:not([open])');
    if (closed && e !== closed && e.closest('summary')?.parentElement !== closed) return false;
    return typeof e.checkVisibility === 'function' ? e.checkVisibility() : true;
  };
  const boxOf = (e: Element): Box => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const measurable = (e: Element) => {
    if (!shown(e)) return false;
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const overlap = (a: Box, b: Box) => ({ x: Math.min(a.right, b.right) - Math.max(a.left, b.left), y: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) });
  const intersects = (a: Box, b: Box) => {
    const o = overlap(a, b);
    return o.x > TOLERANCE && o.y > TOLERANCE;
  };
  /** Where an element shows: its boxes line by line (a link that wraps), each cut to the ancestors that clip or scroll their overflow. */
  const visibleBoxes = (e: Element): Box[] => {
    let boxes: Box[] = [...e.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const outer = a.getBoundingClientRect();
      const left = outer.left + a.clientLeft;
      const top = outer.top + a.clientTop;
      const clip = { left, top, right: left + a.clientWidth, bottom: top + a.clientHeight };
      boxes = boxes
        .map((b) => ({ left: Math.max(b.left, clip.left), top: Math.max(b.top, clip.top), right: Math.min(b.right, clip.right), bottom: Math.min(b.bottom, clip.bottom) }))
        .filter((b) => b.right - b.left > TOLERANCE && b.bottom - b.top > TOLERANCE);
    }
    return boxes;
  };
  /** Two elements overlap where they show. */
  const fragmentsIntersect = (a: Element, b: Element) => visibleBoxes(a).some((ra) => visibleBoxes(b).some((rb) => intersects(ra, rb)));
  /** What the lab redraws after a resize (the thumbnail strips, on a ResizeObserver's word, in the next frame) is drawn. */
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const settle = async () => {
    for (let i = 0; i < 3; i++) await frame();
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 2; i++) await frame();
  };
  const px = (n: number) => `${Math.round(n)} px`;
  const name = (e: Element) => {
    const tag = e.tagName.toLowerCase();
    const attrs = ['name', 'data-lab-part', 'data-lab-step', 'aria-label', 'for', 'class']
      .map((a) => [a, e.getAttribute(a)] as const)
      .filter(([, v]) => v)
      .slice(0, 1)
      .map(([a, v]) => `[${a}="${v!.length > 40 ? `${v!.slice(0, 40)}…` : v}"]`);
    const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim();
    const label = e instanceof HTMLSelectElement ? e.selectedOptions[0]?.textContent ?? '' : text;
    return `${tag}${attrs.join('')}${label ? ` “${label.length > 40 ? `${label.slice(0, 40)}…` : label}”` : ''}`;
  };

  const CONTROLS = 'input:not([type="hidden"]), select, textarea, button, summary, a[href], label.file-button, canvas, video, meter, progress, [tabindex]:not([tabindex="-1"])';
  const focusable = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), summary, a[href], [tabindex]:not([tabindex="-1"])';
  /** A scroll box a keyboard can scroll: it takes focus, or holds a control on screen that does. */
  const keyboardScrollable = (e: Element) => (e.matches(focusable) && (e as HTMLElement).tabIndex >= 0) || [...e.querySelectorAll(focusable)].some(shown);

  function measure(view: string, problems: string[]) {
    const parts = [...lab!.querySelectorAll<HTMLElement>('[data-lab-part]')].filter(shown);
    const partOf = (e: Element) => e.closest<HTMLElement>('[data-lab-part]');
    const say = (line: string) => problems.push(`${view}: ${line}`);

    // 1. The parts do not intersect.
    for (const [i, a] of parts.entries()) {
      for (const b of parts.slice(i + 1)) {
        const o = overlap(boxOf(a), boxOf(b));
        if (o.x > TOLERANCE && o.y > TOLERANCE) say(`the parts ${a.dataset.labPart} and ${b.dataset.labPart} intersect (${px(o.x)} × ${px(o.y)})`);
      }
    }

    // 2. Nothing sticks out of its part (inside a scroll box, the box stands for what it holds).
    for (const part of parts) {
      const box = boxOf(part);
      if (part.scrollWidth > part.clientWidth + 1) say(`the part ${part.dataset.labPart}'s content is ${px(part.scrollWidth - part.clientWidth)} wider than the part`);
      const reported: Element[] = [];
      for (const e of part.querySelectorAll('*')) {
        if (e.closest('svg') !== e && e.closest('svg')) continue;
        if (reported.some((r) => r.contains(e)) || !measurable(e) || insideScrollBox(e, part)) continue;
        const r = boxOf(e);
        const out = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
        if (out > TOLERANCE) (reported.push(e), say(`${name(e)} sticks out of the part ${part.dataset.labPart} by ${px(out)}`));
      }
    }

    // 3 and 4. Controls: over no other part or control, clipped by nothing.
    const controls = [...lab!.querySelectorAll(CONTROLS)].filter(measurable);
    for (const [i, c] of controls.entries()) {
      const own = partOf(c);
      for (const part of parts) {
        if (part !== own && fragmentsIntersect(c, part)) say(`${name(c)}${own ? ` (in ${own.dataset.labPart})` : ''} lies over the part ${part.dataset.labPart}`);
      }
      for (const d of controls.slice(i + 1)) {
        if (c.contains(d) || d.contains(c)) continue;
        if (fragmentsIntersect(c, d)) say(`${name(c)} and ${name(d)} intersect`);
      }
      const clip = clippedBy(c);
      if (clip) say(`${name(c)} is cut off by ${clip}`);
    }

    // 5. No sideways scrolling.
    const root = document.documentElement;
    const wide = Math.max(root.scrollWidth, document.body.scrollWidth);
    if (wide > root.clientWidth + 1) say(`the page scrolls sideways (${px(wide)} wide in a ${px(root.clientWidth)} window)`);
  }

  /** Whether `e` sits in a scroll box (below `part`) that scrolls on the axis where `e` leaves it, and that a keyboard can scroll. */
  function insideScrollBox(e: Element, part: Element): boolean {
    for (let a = e.parentElement; a && a !== part; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY)) return keyboardScrollable(a);
    }
    return false;
  }

  /**
   * What cuts `c` off, if anything: an ancestor that clips its overflow on an axis where `c` leaves it, or the window.
   * Past a scroll box a keyboard can scroll, the box stands for what it holds: it must fit in turn.
   */
  function clippedBy(c: Element): string | undefined {
    let r = boxOf(c);
    for (let a = c.parentElement; a && a !== document.documentElement && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      const outer = a.getBoundingClientRect();
      // The padding box: where overflow starts to clip.
      const left = outer.left + a.clientLeft;
      const top = outer.top + a.clientTop;
      const inner = { left, top, right: left + a.clientWidth, bottom: top + a.clientHeight };
      const axes = [
        ['x', style.overflowX, Math.max(inner.left - r.left, r.right - inner.right)],
        ['y', style.overflowY, Math.max(inner.top - r.top, r.bottom - inner.bottom)],
      ] as const;
      let scrolled = false;
      for (const [axis, overflow, out] of axes) {
        if (overflow === 'visible' || out <= TOLERANCE) continue;
        if ((overflow === 'auto' || overflow === 'scroll') && keyboardScrollable(a)) {
          scrolled = true;
          continue;
        }
        return `${name(a)} (overflow-${axis}: ${overflow}, ${px(out)} out)`;
      }
      if (scrolled) r = boxOf(a);
    }
    const width = document.documentElement.clientWidth;
    if (r.left < -TOLERANCE || r.right > width + TOLERANCE) return `the window (${px(Math.max(-r.left, r.right - width))} out)`;
    return undefined;
  }

  const problems: string[] = [];
  const views: string[] = [];
  // Measured from the top of the page: a sticky bar (the steps) then sits where it belongs, over nothing.
  const [x, y] = [scrollX, scrollY];
  scrollTo(0, 0);
  await document.fonts.ready;
  const steps = [...lab.querySelectorAll<HTMLButtonElement>('[data-lab-step]')];
  if (steps.length > 0 && steps.every(shown)) {
    // A narrow screen: one part at a time. Each step is measured, then the chosen one comes back.
    const chosen = steps.find((b) => b.getAttribute('aria-current') === 'step') ?? steps[0]!;
    for (const step of steps) {
      step.click();
      scrollTo(0, 0);
      await settle();
      const view = `step ${step.dataset.labStep}`;
      views.push(view);
      measure(view, problems);
    }
    chosen.click();
  } else {
    await settle();
    views.push('parts');
    measure('parts', problems);
  }
  scrollTo(x, y);
  return { width: innerWidth, views, problems };
}

/**
 * Opens every <details> of the lab (the rule in force, the other queries,
 * every explanation, the embed code): the layout must hold with all of it on
 * screen. Runs in the page, like labLayoutInPage.
 */
export function openLabDetails(): number {
  const all = [...document.querySelectorAll<HTMLDetailsElement>('[data-lab] details')];
  all.forEach((d) => (d.open = true));
  return all.length;
}

/**
 * Squeezes the three parts into columns too narrow for what they hold (as the
 * lab's layout did before issue 21), so that a suite can see labLayoutInPage
 * find the overlaps: a check that finds nothing there checks nothing. Runs in
 * the page, like labLayoutInPage.
 */
export function squeezeLabParts(): void {
  const style = document.createElement('style');
  style.textContent = `
    .lab .lab-parts { grid-template-columns: repeat(3, 12rem) !important; grid-template-areas: none !important; }
    .lab .lab-parts > * { grid-area: auto !important; }
    .lab .settings fieldset { min-width: min-content !important; }`;
  document.head.append(style);
}
