import type { Relation, RelationKind } from '../../schemas/paper';

/** How a relation reads from the paper that states it, and from the paper it points to. */
export const RELATION_LABELS: Record<RelationKind, { outgoing: string; incoming: string }> = {
  'analogous-to': { outgoing: 'Analogous to', incoming: 'Seen as analogous by' },
  'prior-work': { outgoing: 'Prior work', incoming: 'Prior work of' },
  'inspired-by': { outgoing: 'Inspired by', incoming: 'Inspired' },
  'not-better-than': { outgoing: 'Not better than, says the survey author', incoming: 'Compared with, and not outperformed by,' },
  'reports-on': { outgoing: 'Reports on', incoming: 'Reported on by' },
  'related-to': { outgoing: 'Related to', incoming: 'Related to' },
};

export interface PaperRef {
  id: string;
  title: string;
  relations: Relation[];
}

export interface IncomingRelation {
  from: PaperRef;
  relation: Relation;
}

/** Relations that other papers state about `id`, so each paper page shows both directions. */
export function incomingRelations(id: string, papers: readonly PaperRef[]): IncomingRelation[] {
  return papers.flatMap((from) =>
    from.relations.filter((relation) => relation.paper === id).map((relation) => ({ from, relation })),
  );
}

/** Throws when a relation names a paper id that is not in the survey. */
export function assertRelationTargetsExist(papers: readonly PaperRef[]): void {
  const ids = new Set(papers.map((p) => p.id));
  for (const paper of papers) {
    for (const relation of paper.relations) {
      if (relation.paper && !ids.has(relation.paper)) {
        throw new Error(`Paper "${paper.id}" relates to "${relation.paper}", which is not a paper in the survey.`);
      }
    }
  }
}
