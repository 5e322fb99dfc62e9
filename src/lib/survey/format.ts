import type { Paper, Relevance } from '../../schemas/paper';

/** The survey author's marks as the seed writes them, for labels and filters. */
export const RELEVANCE_MARKS: Record<Relevance, string> = { recommended: ':+1:', 'not-recommended': ':-1:', none: 'no mark' };

/** "Karsten Roth et al." — only the names the seed gives, with "et al." where it says so. */
export function formatAuthors(paper: Pick<Paper, 'authors' | 'authorsIncomplete'>): string {
  if (paper.authors.length === 0) return '';
  const names = paper.authors.join(', ');
  return paper.authorsIncomplete ? `${names} et al.` : names;
}

/** "CVPR 2019", "arXiv 2019", or "" when the seed states neither. */
export function formatVenue(paper: Pick<Paper, 'venue' | 'year'>): string {
  return [paper.venue, paper.year].filter((part) => part !== undefined).join(' ');
}
