import type { Paper } from '../../schemas/paper';
import { formatVenue } from './format';

/** Columns the all-papers table can be sorted by; each has its own static page. */
export const SORT_KEYS = ['order', 'title', 'venue', 'year', 'relevance'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortablePaper {
  id: string;
  title: string;
  data: Paper;
}

const RELEVANCE_RANK = { recommended: 0, none: 1, 'not-recommended': 2 } as const;

const compareText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** Comparators; papers the seed gives no value for sort last, then by survey order. */
const COMPARATORS: Record<SortKey, (a: SortablePaper, b: SortablePaper) => number> = {
  order: (a, b) => a.data.order - b.data.order,
  title: (a, b) => compareText(a.title, b.title),
  venue: (a, b) => compareMissingLast(formatVenue(a.data), formatVenue(b.data), compareText),
  year: (a, b) => compareMissingLast(a.data.year, b.data.year, (x, y) => y - x),
  relevance: (a, b) => RELEVANCE_RANK[a.data.relevance] - RELEVANCE_RANK[b.data.relevance],
};

export const SORT_LABELS: Record<SortKey, string> = {
  order: 'survey order',
  title: 'title (A–Z)',
  venue: 'venue (A–Z)',
  year: 'year (newest first)',
  relevance: 'the survey author’s mark (:+1: first)',
};

function compareMissingLast<T>(a: T | undefined | '', b: T | undefined | '', compare: (x: T, y: T) => number): number {
  const aMissing = a === undefined || a === '';
  const bMissing = b === undefined || b === '';
  if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
  return compare(a as T, b as T);
}

export function sortPapers<T extends SortablePaper>(papers: readonly T[], key: SortKey): T[] {
  return [...papers].sort((a, b) => COMPARATORS[key](a, b) || a.data.order - b.data.order);
}

/** A token safe in HTML attributes and CSS attribute selectors. */
export function filterToken(value: string | number): string {
  return String(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
