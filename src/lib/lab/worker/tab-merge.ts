import type { LabShape } from './store';

/**
 * Two tabs on one lab (issue 23, item 5). Merging two labs is not attempted:
 * when another tab has saved, this tab takes the lab as saved there, and only
 * adds the pictures it has that were never stored (so neither tab drops the
 * other's examples, and a removal made there is not undone here).
 */

/**
 * The saved lab with `mine`'s examples that were never stored (not in
 * `stored`, what this tab knew storage held) put back in their class: the
 * saved class of the same id, else of the same name, else their own class.
 */
export function withUnsaved(saved: LabShape, mine: LabShape, stored: ReadonlySet<string>): { shape: LabShape; added: number } {
  const classes = saved.classes.map((c) => ({ ...c, exampleIds: [...c.exampleIds] }));
  const there = new Set(classes.flatMap((c) => c.exampleIds));
  let added = 0;
  for (const c of mine.classes) {
    const fresh = c.exampleIds.filter((id) => !stored.has(id) && !there.has(id));
    if (fresh.length === 0) continue;
    const name = c.name.toLocaleLowerCase();
    let target = classes.find((s) => s.id === c.id) ?? classes.find((s) => s.name.toLocaleLowerCase() === name);
    if (!target) classes.push((target = { id: c.id, name: c.name, exampleIds: [] }));
    target.exampleIds.push(...fresh);
    added += fresh.length;
  }
  return { shape: { ...saved, classes }, added };
}

/** What the page says after this tab took the lab another tab saved. */
export function followedNote(added: number): string {
  const kept = added === 0 ? '' : ` The ${added === 1 ? 'picture' : `${added} pictures`} added here ${added === 1 ? 'is' : 'are'} kept in it.`;
  return `This lab was saved in another tab; this tab now shows it as saved there.${kept}`;
}
