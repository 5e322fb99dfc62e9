/**
 * The class cards, in the lab's order, virtualised like the thumbnails: one
 * IntersectionObserver tells each card whether it is within a screen's
 * height of the view, and only those are whole (class-card.ts). A small lab
 * has every card whole, so nothing in it waits on a scroll.
 */
import { createClassCard, type ClassActions, type ClassCard, type ClassData } from './class-card';
import type { ThumbUrls } from './thumbs';

/** Up to this many classes every card is whole; past it, only those near the view. */
export const ALL_WHOLE_UP_TO = 12;
/**
 * Cards that come near are filled a few per task, for at most this long: a big import's last reply moves the
 * cards and can bring several near at once, and filling them in the observer's callback held the page 68 ms of
 * a 131 ms task (a Chromium trace, 200 classes × 20 picked as a folder).
 */
const FILL_BUDGET_MS = 12;

export interface ClassList {
  render(classes: ClassData[]): void;
}

export function createClassList(list: HTMLElement, actions: ClassActions, thumbs: ThumbUrls): ClassList {
  const cards = new Map<string, ClassCard>();
  const near = new Set<Element>();
  let small = true;
  const byRoot = new Map<Element, ClassCard>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting, boundingClientRect } of entries) {
        if (isIntersecting) near.add(target);
        else near.delete(target);
        const card = byRoot.get(target);
        if (!card) continue;
        if (small || isIntersecting) fillSoon(card);
        // Emptied at once, at the height the observer measured: reading each card's height here laid the page out
        // once per card (a 227 ms callback after a 10,000-picture import).
        else card.setNear(false, boundingClientRect.height);
      }
    },
    { rootMargin: '100% 0px' },
  );
  const waiting = new Set<ClassCard>();
  let scheduled = false;
  function fillSoon(card: ClassCard) {
    waiting.add(card);
    schedule();
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(fillSome);
  }
  function fillSome() {
    scheduled = false;
    const started = performance.now();
    for (const card of waiting) {
      waiting.delete(card);
      // Still wanted: it may have gone far again, or been removed, while it waited.
      if (byRoot.has(card.root) && (small || near.has(card.root))) card.setNear(true);
      if (waiting.size > 0 && performance.now() - started > FILL_BUDGET_MS) return schedule();
    }
  }

  return {
    render(classes) {
      const wasSmall = small;
      small = classes.length <= ALL_WHOLE_UP_TO;
      for (const [i, data] of classes.entries()) {
        let card = cards.get(data.id);
        if (card) card.update(data);
        else {
          card = createClassCard(data, actions, thumbs);
          cards.set(data.id, card);
          byRoot.set(card.root, card);
          observer.observe(card.root);
          if (small) card.setNear(true);
        }
        // Moved only when out of place: moving a card would end a hold on its "Take photos" (pointer capture, focus).
        if (list.children[i] !== card.root) list.insertBefore(card.root, list.children[i] ?? null);
      }
      const kept = new Set(classes.map((c) => c.id));
      for (const [id, card] of cards) {
        if (kept.has(id)) continue;
        card.root.remove();
        observer.unobserve(card.root);
        [near, byRoot].forEach((set) => set.delete(card.root));
        cards.delete(id);
      }
      // Growing past the small size empties the cards far from the view; shrinking to it fills them all.
      if (small !== wasSmall) {
        // Every height read before any card changes: one layout, not one per card.
        const all = [...cards.values()];
        const heights = all.map((card) => card.root.offsetHeight);
        all.forEach((card, i) => card.setNear(small || near.has(card.root), heights[i]));
      }
    },
  };
}
