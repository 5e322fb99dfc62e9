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
      for (const { target, isIntersecting } of entries) {
        if (isIntersecting) near.add(target);
        else near.delete(target);
        byRoot.get(target)?.setNear(small || isIntersecting);
      }
    },
    { rootMargin: '100% 0px' },
  );

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
      if (small !== wasSmall) for (const card of cards.values()) card.setNear(small || near.has(card.root));
    },
  };
}
