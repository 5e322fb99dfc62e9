/** Class names and ids: the rules every class name follows, and ids that never repeat within a page's life. */
export class FewShotError extends Error {
  override name = 'FewShotError';
}

export const MAX_NAME = 80;

/** Spaces tidied; refuses a blank name or one over MAX_NAME characters. */
export function cleanName(name: string): string {
  const trimmed = String(name).replace(/\s+/g, ' ').trim();
  if (!trimmed) throw new FewShotError('A class needs a name.');
  if (trimmed.length > MAX_NAME) throw new FewShotError(`A class name can have at most ${MAX_NAME} characters; this one has ${trimmed.length}.`);
  return trimmed;
}

/** Random ids (not positions), so a class or example keeps its id through removals, saves and imports. */
export const ids = {
  next(kind: 'class' | 'example'): string {
    // getRandomValues, not randomUUID: the latter exists only in secure contexts (a site served over plain http on a LAN has none).
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return `${kind}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  },
};
