import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, test } from 'vitest';
import { arxivSearchUrl, escapeBibtex, missingFields, toBibtex, toPlainCitation, type CitablePaper } from '../../src/lib/survey/citation';
import { paperSchema } from '../../src/schemas/paper';
import { readCollection } from '../helpers/content';

const papers: CitablePaper[] = readCollection('papers', '.md').map((file) => ({ id: file.id, data: paperSchema.parse(file.frontmatter) }));
const byId = (id: string) => papers.find((p) => p.id === id)!;

describe('toBibtex', () => {
  test('parses, and holds only the fields the seed gives', () => {
    for (const paper of papers) {
      const library = parse(toBibtex(paper), { english: false });
      expect(library.errors, paper.id).toEqual([]);
      const [entry] = library.entries;
      expect(entry!.key).toBe(paper.id);
      const allowed = ['title', 'author', 'booktitle', 'howpublished', 'year', 'note'];
      for (const field of Object.keys(entry!.fields)) expect(allowed, `${paper.id}: ${field}`).toContain(field);
      expect(entry!.fields.title).toBe(paper.data.correctedTitle ?? paper.data.title);
      if (paper.data.year) expect(entry!.fields.year).toBe(String(paper.data.year));
      else expect(entry!.fields.year).toBeUndefined();
      const names = ((entry!.fields.author ?? []) as Array<{ firstName?: string; lastName?: string }>).map((a) => [a.firstName, a.lastName].filter(Boolean).join(' '));
      expect(names).toEqual([...paper.data.authors, ...(paper.data.authorsIncomplete && paper.data.authors.length ? ['others'] : [])]);
    }
  });

  test('cites a conference paper in its proceedings, and an arXiv paper as misc', () => {
    expect(toBibtex(byId('ranked-list-loss'))).toMatch(/^@inproceedings\{ranked-list-loss,[\s\S]*booktitle = \{CVPR\}/);
    expect(toBibtex(byId('metric-learning-reality-check'))).toMatch(/^@misc\{metric-learning-reality-check,[\s\S]*howpublished = \{arXiv\}/);
  });

  test('writes "and others" for an author list the seed ends with et al.', () => {
    expect(toBibtex(byId('revisiting-training-strategies'))).toContain('author = {Karsten Roth and others}');
  });

  test('says in the entry what is missing', () => {
    expect(toBibtex(byId('circle-loss'))).toContain('missing: authors, venue, year, pages');
  });
});

describe('toPlainCitation', () => {
  test('uses only the seed fields', () => {
    expect(toPlainCitation(byId('softtriple-loss'))).toBe(
      'Qi Qian, Lei Shang, Baigui Sun, Juhua Hu, Hao Li, Rong Jin. SoftTriple Loss: Deep Metric Learning Without Triplet Sampling.',
    );
    expect(toPlainCitation(byId('revisiting-training-strategies'))).toMatch(/^Karsten Roth et al\. Revisiting/);
    expect(toPlainCitation(byId('unbiased-evaluation-of-dml'))).toMatch(/^Istvan Fehérvári et al\. Unbiased/);
    expect(toPlainCitation(byId('mean-teachers'))).toBe(
      'Mean teachers are better role models: Weight-averaged consistency targets improve semi-supervised deep learning results. NeurIPS 2017.',
    );
  });
});

describe('missingFields', () => {
  test('lists unknown parts', () => {
    expect(missingFields(byId('ranked-list-loss'))).toEqual(['authors', 'pages']);
    expect(missingFields(byId('unbiased-evaluation-of-dml'))).toEqual(['the full author list', 'pages']);
  });
});

describe('escapeBibtex', () => {
  test('escapes special characters', () => {
    expect(escapeBibtex('A & B 50% $x$ #1 a_b')).toBe('A \\& B 50\\% \\$x\\$ \\#1 a\\_b');
  });
});

describe('arxivSearchUrl', () => {
  test('searches by exact title', () => {
    // The seed's "=FastAP" is the method's name, not part of the title.
    expect(arxivSearchUrl(byId('fastap'))).toBe('https://arxiv.org/search/?searchtype=title&query=Deep%20Metric%20Learning%20to%20Rank');
  });
});
