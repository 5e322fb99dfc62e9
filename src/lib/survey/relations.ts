import type { Relation, RelationKind } from '../../schemas/paper';

type Labels = Record<RelationKind, { outgoing: string; incoming: string }>;

/** How a relation the paper itself states reads from that paper, and from the paper it points to. */
export const RELATION_LABELS: Labels = {
  'analogous-to': { outgoing: 'Analogous to', incoming: 'Seen as analogous by' },
  'prior-work': { outgoing: 'Prior work', incoming: 'Prior work of' },
  'inspired-by': { outgoing: 'Inspired by', incoming: 'Inspired' },
  'not-better-than': { outgoing: 'Not better than', incoming: 'Not outperformed by' },
  'reports-on': { outgoing: 'Reports on', incoming: 'Reported on by' },
  'related-to': { outgoing: 'Related to', incoming: 'Related to' },
};

/** The same when the relation is the survey author's remark: the label says whose claim it is. */
export const SURVEY_AUTHOR_LABELS: Labels = {
  'analogous-to': { outgoing: 'The survey author: analogous to', incoming: 'The survey author: seen as analogous by' },
  'prior-work': { outgoing: 'The survey author: prior work', incoming: 'The survey author: prior work of' },
  'inspired-by': { outgoing: 'The survey author: partly inspired by', incoming: 'The survey author: a partial inspiration for' },
  'not-better-than': { outgoing: 'The survey author: not better than', incoming: 'The survey author: not outperformed by' },
  'reports-on': { outgoing: 'The survey author: reports on', incoming: 'The survey author: reported on by' },
  'related-to': { outgoing: 'The survey author: related to', incoming: 'The survey author: related to' },
};

export function relationLabel(relation: { kind: RelationKind; bySurveyAuthor?: boolean }, direction: 'outgoing' | 'incoming'): string {
  return (relation.bySurveyAuthor ? SURVEY_AUTHOR_LABELS : RELATION_LABELS)[relation.kind][direction];
}

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
