import type { APIRoute } from 'astro';
import { loadCatalog } from '../lib/survey/catalog';
import { toBibtex } from '../lib/survey/citation';

/** Every paper of the survey as one BibTeX file, built only from the seed's fields. */
export const GET: APIRoute = async () => {
  const { papers } = await loadCatalog();
  const header = `% Metric Atlas: the survey's ${papers.length} papers. Entries hold only what the survey states and are partial;\n% each entry's note says what is missing. Generated at build time from src/content/papers.\n\n`;
  return new Response(header + papers.map((p) => toBibtex(p)).join('\n'), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
