import type { Paper, RelationKind } from '../../schemas/paper';

/**
 * The related-paper graph: papers, topic hubs, and the edges the survey
 * supports — relations it states, membership of a topic, and backbones or
 * datasets that two papers share according to their structured fields.
 */
export type EdgeKind = RelationKind | 'topic' | 'shared-backbone' | 'shared-dataset';

export interface GraphNode {
  id: string;
  kind: 'paper' | 'topic';
  label: string;
  topic: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  /** Why the edge exists, in words a reader can check against the seed. */
  reason: string;
  /** A stated relation that is the survey author's remark, not the paper's claim. */
  bySurveyAuthor?: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphPaper {
  id: string;
  label: string;
  data: Pick<Paper, 'topic' | 'relations' | 'backbones' | 'datasets'>;
}

export interface GraphTopic {
  id: string;
  label: string;
}

const topicNodeId = (topicId: string) => `topic:${topicId}`;

export function buildGraph(papers: readonly GraphPaper[], topics: readonly GraphTopic[]): Graph {
  const nodes: GraphNode[] = [
    ...topics.map((t) => ({ id: topicNodeId(t.id), kind: 'topic' as const, label: t.label, topic: t.id })),
    ...papers.map((p) => ({ id: p.id, kind: 'paper' as const, label: p.label, topic: p.data.topic })),
  ];
  const ids = new Set(papers.map((p) => p.id));
  const edges: GraphEdge[] = papers.map((p) => ({
    source: p.id,
    target: topicNodeId(p.data.topic),
    kind: 'topic',
    reason: 'listed under this topic',
  }));
  for (const paper of papers) {
    for (const relation of paper.data.relations) {
      if (relation.paper && ids.has(relation.paper)) {
        edges.push({ source: paper.id, target: relation.paper, kind: relation.kind, reason: relation.note ?? relation.name, bySurveyAuthor: relation.bySurveyAuthor });
      }
    }
  }
  for (let i = 0; i < papers.length; i++) {
    for (let j = i + 1; j < papers.length; j++) {
      const a = papers[i]!;
      const b = papers[j]!;
      const backbones = a.data.backbones.filter((x) => b.data.backbones.includes(x));
      if (backbones.length > 0) edges.push({ source: a.id, target: b.id, kind: 'shared-backbone', reason: `both use ${backbones.join(', ')}` });
      const datasets = a.data.datasets.filter((x) => b.data.datasets.includes(x));
      if (datasets.length > 0) edges.push({ source: a.id, target: b.id, kind: 'shared-dataset', reason: `both evaluate on ${datasets.join(', ')}` });
    }
  }
  return { nodes, edges };
}

export interface Neighbour {
  id: string;
  kind: EdgeKind;
  reason: string;
  /** true when the edge points from this paper to the neighbour. */
  outgoing: boolean;
  bySurveyAuthor?: boolean;
}

/** The papers next to `id` in the graph (topic hubs left out), in edge order. */
export function neighboursOf(id: string, graph: Graph): Neighbour[] {
  return graph.edges.flatMap((edge): Neighbour[] => {
    if (edge.kind === 'topic') return [];
    const bySurveyAuthor = edge.bySurveyAuthor ?? false;
    if (edge.source === id) return [{ id: edge.target, kind: edge.kind, reason: edge.reason, outgoing: true, bySurveyAuthor }];
    if (edge.target === id) return [{ id: edge.source, kind: edge.kind, reason: edge.reason, outgoing: false, bySurveyAuthor }];
    return [];
  });
}

export interface SharedNeighbour {
  id: string;
  /** Every reason the two papers are linked, e.g. a shared backbone and a shared data set. */
  reasons: string[];
}

/**
 * The papers that share a backbone or a data set with `id`, each once: two
 * papers can share both, which makes two edges but one neighbour.
 */
export function sharedNeighboursOf(id: string, graph: Graph): SharedNeighbour[] {
  const byId = new Map<string, SharedNeighbour>();
  for (const n of neighboursOf(id, graph)) {
    if (n.kind !== 'shared-backbone' && n.kind !== 'shared-dataset') continue;
    const entry = byId.get(n.id) ?? { id: n.id, reasons: [] };
    entry.reasons.push(n.reason);
    byId.set(n.id, entry);
  }
  return [...byId.values()];
}
