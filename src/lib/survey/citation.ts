import type { Paper } from '../../schemas/paper';

/**
 * Citations built only from what the seed states: title, the authors it names,
 * venue and year. Nothing is looked up or guessed, so most entries are partial;
 * `missingFields` says which parts a reader has to complete.
 */
export interface CitablePaper {
  id: string;
  data: Pick<Paper, 'title' | 'correctedTitle' | 'authors' | 'authorsIncomplete' | 'venue' | 'year'>;
}

/** Venues the seed names that are conferences (the rest, arXiv, is a preprint server). */
const CONFERENCES = new Set(['CVPR', 'ICCV', 'NeurIPS', 'ICML', 'ICLR', 'AISTATS']);

export const isConference = (venue: string | undefined): venue is string => venue !== undefined && CONFERENCES.has(venue);

const citedTitle = (paper: CitablePaper) => paper.data.correctedTitle ?? paper.data.title;

/** What a complete citation would have that the seed does not give. */
export function missingFields(paper: CitablePaper): string[] {
  const missing: string[] = [];
  if (paper.data.authors.length === 0) missing.push('authors');
  else if (paper.data.authorsIncomplete) missing.push('the full author list');
  if (!paper.data.venue) missing.push('venue');
  if (paper.data.year === undefined) missing.push('year');
  missing.push('pages');
  return missing;
}

/** Escapes the characters BibTeX treats specially; braces in the text are not expected and are dropped. */
export function escapeBibtex(text: string): string {
  return text.replace(/[{}]/g, '').replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** A stable key: the paper's id in the survey, which is unique and readable. */
export function bibtexKey(paper: CitablePaper): string {
  return paper.id;
}

export function toBibtex(paper: CitablePaper): string {
  const { venue, year, authors, authorsIncomplete } = paper.data;
  const type = isConference(venue) ? 'inproceedings' : 'misc';
  const fields: Array<[string, string]> = [['title', `{${escapeBibtex(citedTitle(paper))}}`]];
  if (authors.length > 0) {
    fields.push(['author', [...authors.map(escapeBibtex), ...(authorsIncomplete ? ['others'] : [])].join(' and ')]);
  }
  if (venue) fields.push([type === 'inproceedings' ? 'booktitle' : 'howpublished', escapeBibtex(venue)]);
  if (year !== undefined) fields.push(['year', String(year)]);
  fields.push(['note', `Partial entry from the Metric Atlas survey; missing: ${missingFields(paper).join(', ')}`]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${bibtexKey(paper)},\n${body}\n}\n`;
}

/** "Qi Qian, Lei Shang, … Rong Jin. SoftTriple Loss: …. ICCV 2019." with only the parts the seed gives. */
export function toPlainCitation(paper: CitablePaper): string {
  const { authors, authorsIncomplete, venue, year } = paper.data;
  const parts: string[] = [];
  // "et al." already ends with its period: no second one.
  if (authors.length > 0) parts.push(authors.join(', ') + (authorsIncomplete ? ' et al.' : '.'));
  const title = citedTitle(paper);
  parts.push(/[.?!]$/.test(title) ? title : `${title}.`);
  const where = [venue, year].filter((part) => part !== undefined).join(' ');
  if (where) parts.push(`${where}.`);
  return parts.join(' ');
}

/** An exact-title search on arXiv; a link the reader follows, not a request the site makes. */
export function arxivSearchUrl(paper: CitablePaper): string {
  return `https://arxiv.org/search/?searchtype=title&query=${encodeURIComponent(citedTitle(paper))}`;
}

export function scholarSearchUrl(paper: CitablePaper): string {
  return `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${citedTitle(paper)}"`)}`;
}
