import type { Frame, Page } from '@playwright/test';

/** How a figure's drawing sits in its frame, as the reader sees it (CSS pixels). */
export interface FigureFit {
  /** The drawn box (scene and movable points) as a share of the frame's width and of its height. */
  fillWidth: number;
  fillHeight: number;
  /** Labels whose box reaches outside the drawing's viewBox, the svg element or the frame. */
  clipped: string[];
  /** The smallest label's rendered font size (font size × the drawing's scale). */
  smallestLabelPx: number;
  /** The page scrolls sideways. */
  scrollsSideways: boolean;
  /** The whole drawing (its viewBox) is inside the frame. */
  drawingInside: boolean;
}

export function measureFigureFit(where: Page | Frame): Promise<FigureFit> {
  return where.evaluate(figureFitInPage);
}

/** Runs in the page (any driver's evaluate: Playwright here, puppeteer-core in the Firefox suite). */
export async function figureFitInPage(): Promise<FigureFit> {
  // Labels are measured in the site's own font, not in a fallback shown while it loads.
  await document.fonts.ready;
  const svg = document.querySelector<SVGSVGElement>('[data-figure-svg]')!;
  const view = innerWidth;
  const tall = innerHeight;
  const ctm = svg.getScreenCTM()!;
  const box = svg.viewBox.baseVal;
  const drawing = { left: ctm.e + box.x * ctm.a, top: ctm.f + box.y * ctm.d, right: ctm.e + (box.x + box.width) * ctm.a, bottom: ctm.f + (box.y + box.height) * ctm.d };
  // What is drawn, cut to the viewBox: a clipped shape's box reaches past what shows.
  const parts = [...svg.querySelectorAll<SVGGElement>('[data-scene], [data-handles]')].map((g) => g.getBoundingClientRect()).filter((r) => r.width > 0);
  const ink = {
    width: Math.min(drawing.right, Math.max(...parts.map((r) => r.right))) - Math.max(drawing.left, Math.min(...parts.map((r) => r.left))),
    height: Math.min(drawing.bottom, Math.max(...parts.map((r) => r.bottom))) - Math.max(drawing.top, Math.min(...parts.map((r) => r.top))),
  };
  const element = svg.getBoundingClientRect();
  const within = (r: DOMRect, o: { left: number; top: number; right: number; bottom: number }) => r.left >= o.left - 0.5 && r.top >= o.top - 0.5 && r.right <= o.right + 0.5 && r.bottom <= o.bottom + 0.5;
  const frame = { left: 0, top: 0, right: view, bottom: tall };
  const clipped: string[] = [];
  let smallest = Infinity;
  for (const label of svg.querySelectorAll<SVGTextElement>('text')) {
    if (!label.textContent?.trim()) continue;
    const r = label.getBoundingClientRect();
    if (!within(r, drawing) || !within(r, element) || !within(r, frame)) clipped.push(label.textContent);
    const m = label.getScreenCTM()!;
    const size = parseFloat(getComputedStyle(label).fontSize) * Math.hypot(m.a, m.b);
    smallest = Math.min(smallest, size);
  }
  return {
    fillWidth: ink.width / view,
    fillHeight: ink.height / tall,
    clipped,
    smallestLabelPx: smallest,
    scrollsSideways: document.documentElement.scrollWidth > view + 1,
    drawingInside: drawing.left >= -0.5 && drawing.top >= -0.5 && drawing.right <= view + 0.5 && drawing.bottom <= tall + 0.5,
  };
}
