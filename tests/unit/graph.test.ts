import { describe, expect, test } from 'vitest';
import { buildGraph, neighboursOf, sharedNeighboursOf, type GraphPaper } from '../../src/lib/survey/graph';
import { layoutGraph } from '../../src/lib/survey/graph-layout';
import { paperSchema } from '../../src/schemas/paper';
import { readCollection } from '../helpers/content';

const papers: GraphPaper[] = readCollection('papers', '.md').map((f) => {
  const data = paperSchema.parse(f.frontmatter);
  return { id: f.id, label: data.title, data };
});
const topics = readCollection('topics', '.mdx').map((f) => ({ id: f.id, label: String(f.frontmatter.shortTitle) }));
const graph = buildGraph(papers, topics);

describe('buildGraph', () => {
  test('has every paper and topic, and links each paper to its topic', () => {
    expect(graph.nodes).toHaveLength(49 + 9);
    expect(graph.edges.filter((e) => e.kind === 'topic')).toHaveLength(49);
  });

  test('turns each relation between two papers of the survey into an edge, and nothing else', () => {
    const relationEdges = graph.edges.filter((e) => !['topic', 'shared-backbone', 'shared-dataset'].includes(e.kind));
    const stated = papers.flatMap((p) => p.data.relations.filter((r) => r.paper).map((r) => `${p.id}→${r.paper}:${r.kind}`));
    expect(relationEdges.map((e) => `${e.source}→${e.target}:${e.kind}`).sort()).toEqual(stated.sort());
  });

  test('links papers that share a backbone, saying which', () => {
    const edge = graph.edges.find((e) => e.kind === 'shared-backbone' && [e.source, e.target].includes('fastap') && [e.source, e.target].includes('divide-and-conquer-embedding-space'));
    expect(edge?.reason).toBe('both use ResNet-50');
  });
});

describe('neighboursOf', () => {
  test('sees relations from both ends', () => {
    const ids = neighboursOf('ranked-list-loss', graph).map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['circle-loss', 'sampling-wisely', 'unbiased-evaluation-of-dml']));
    expect(neighboursOf('circle-loss', graph).find((n) => n.id === 'ranked-list-loss')?.outgoing).toBe(true);
  });
});

describe('sharedNeighboursOf', () => {
  test('lists a paper that shares both a backbone and a data set once, with both reasons', () => {
    const shared = sharedNeighboursOf('mic-mining-interclass-characteristics', graph);
    expect(shared.length).toBe(new Set(shared.map((n) => n.id)).size);
    const circle = shared.filter((n) => n.id === 'circle-loss');
    expect(circle).toHaveLength(1);
    expect(circle[0]!.reasons).toEqual([expect.stringMatching(/^both use /), expect.stringMatching(/^both evaluate on /)]);
  });
});

describe('layoutGraph', () => {
  test('places every node inside the drawing, the same way every time', () => {
    const first = layoutGraph(graph, 900, 700);
    const second = layoutGraph(graph, 900, 700);
    expect(first).toEqual(second);
    for (const node of first) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(900);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeLessThanOrEqual(700);
    }
  });
});
