/**
 * A model's name as a visitor reads it: the status line's "Ready: …" and the
 * worker's download errors say the same. Kept apart from card.ts so the page
 * can use it without loading the card's schema (zod).
 */

/** The model's name without its parenthesised description: "Photo embedding (MobileNetV2 1.4 …)" → "Photo embedding". */
export const shortModelName = (name: string) => name.split(' (')[0]!.trim() || name;
