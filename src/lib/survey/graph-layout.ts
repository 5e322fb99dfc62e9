import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Graph, GraphNode } from './graph';

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
