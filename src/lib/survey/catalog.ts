import { getCollection, type CollectionEntry } from 'astro:content';
import { assertRelationTargetsExist } from './relations';
import { buildGraph, type Graph } from './graph';

export type PaperEntry = CollectionEntry<'papers'>;
export type TopicEntry = CollectionEntry<'topics'>;

export interface Catalog {
  topics: TopicEntry[];
  papers: PaperEntry[];
  papersOf(topicId: string): PaperEntry[];
  topicOf(paper: PaperEntry): TopicEntry;
  paper(id: string): PaperEntry | undefined;
  /** The related-paper graph (relations, topics, shared backbones and datasets). */
  graph: Graph;
}

let cached: Promise<Catalog> | undefined;

/** The survey's topics and papers in the seed's order, loaded once per build. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Catalog> {
  const topics = (await getCollection('topics')).sort((a, b) => a.data.order - b.data.order);
  const papers = (await getCollection('papers')).sort((a, b) => a.data.order - b.data.order);
  assertRelationTargetsExist(papers.map((p) => ({ id: p.id, title: p.data.title, relations: p.data.relations })));
  const topicById = new Map(topics.map((t) => [t.id, t]));
  for (const paper of papers) {
    if (!topicById.has(paper.data.topic)) {
      throw new Error(`Paper "${paper.id}" names topic "${paper.data.topic}", which does not exist.`);
    }
  }
  const graph = buildGraph(
    papers.map((p) => ({ id: p.id, label: displayTitle(p), data: p.data })),
    topics.map((t) => ({ id: t.id, label: t.data.shortTitle })),
  );
  return {
    topics,
    papers,
    graph,
    papersOf: (topicId) => papers.filter((p) => p.data.topic === topicId),
    topicOf: (paper) => topicById.get(paper.data.topic)!,
    paper: (id) => papers.find((p) => p.id === id),
  };
}

/** The title a reader should see first: the corrected one when the seed's has a typo. */
export function displayTitle(paper: PaperEntry): string {
  return paper.data.correctedTitle ?? paper.data.title;
}
