import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
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

export interface PositionedNode extends GraphNode {
  x: number;
  y: number;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  kind: GraphNode['kind'];
}

/**
 * Force layout computed once, at build time, so the page needs no script to
 * show it. d3-force's simulation is deterministic (it seeds its own generator),
 * so every build draws the same picture.
 */
export function layoutGraph(graph: Graph, width: number, height: number, margin = 60): PositionedNode[] {
  const simNodes: SimNode[] = graph.nodes.map((n) => ({ id: n.id, kind: n.kind }));
  const links = graph.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind }));
  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((n) => n.id)
        .distance((l) => (l.kind === 'topic' ? 55 : 90))
        .strength((l) => (l.kind === 'topic' ? 0.7 : l.kind.startsWith('shared') ? 0.05 : 0.3)),
    )
    .force('charge', forceManyBody<SimNode>().strength((n) => (n.kind === 'topic' ? -300 : -60)))
    .force('collide', forceCollide<SimNode>((n) => (n.kind === 'topic' ? 30 : 10)))
    // A gentle pull to the middle keeps the topics that share no edge from drifting to the corners.
    .force('x', forceX<SimNode>(0).strength(0.08))
    .force('y', forceY<SimNode>(0).strength(0.08))
    .stop();
  for (let i = 0; i < 400; i++) simulation.tick();

  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * margin) / (maxX - minX || 1), (height - 2 * margin) / (maxY - minY || 1));
  return graph.nodes.map((node, i) => ({
    ...node,
    x: margin + (xs[i]! - minX) * scale + (width - 2 * margin - (maxX - minX) * scale) / 2,
    y: margin + (ys[i]! - minY) * scale + (height - 2 * margin - (maxY - minY) * scale) / 2,
  }));
}
