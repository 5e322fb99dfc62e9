import type { APIRoute } from 'astro';
import { loadCatalog } from '../lib/survey/catalog';

/** The collections' data (topics and papers with their notes), as the site is built from it. */
export const GET: APIRoute = async () => {
  const { topics, papers } = await loadCatalog();
  const body = {
    generatedBy: 'Metric Atlas, from src/content at build time',
    topics: topics.map((t) => ({ id: t.id, ...t.data })),
    papers: papers.map((p) => ({ id: p.id, ...p.data, notesMarkdown: p.body?.trim() ?? '' })),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
