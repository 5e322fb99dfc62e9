import type { APIRoute } from 'astro';
import { loadCatalog } from '../lib/survey/catalog';
import { parseSeedTitle } from '../lib/survey/seed-title';

/** The seed's own mark for a paper, or null: the seed never says "recommended", it writes :+1: or :-1:. */
const SEED_MARKS = { recommended: ':+1:', 'not-recommended': ':-1:', none: null } as const;

/** The collections' data (topics and papers with their notes), as the site is built from it. */
export const GET: APIRoute = async () => {
  const { topics, papers } = await loadCatalog();
  const body = {
    generatedBy: 'Metric Atlas, from src/content at build time',
    markLegend: `${parseSeedTitle().legend} The seed does not define :-1:.`,
    topics: topics.map((t) => ({ id: t.id, ...t.data })),
    papers: papers.map((p) => {
      const { relevance, ...data } = p.data;
      return { id: p.id, ...data, mark: SEED_MARKS[relevance], notesMarkdown: p.body?.trim() ?? '' };
    }),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
