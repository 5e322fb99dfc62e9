import { describe, expect, test } from 'vitest';
import { parseSeed } from '../../src/lib/survey/seed';
import { paperSchema } from '../../src/schemas/paper';
import { topicSchema } from '../../src/schemas/topic';
import { assertRelationTargetsExist } from '../../src/lib/survey/relations';
import { notesOfBody, readCollection, readSeed } from '../helpers/content';

const survey = parseSeed(readSeed());
const seedPapers = survey.sections.flatMap((section, topicIndex) =>
  section.papers.map((paper) => ({ ...paper, topicIndex })),
);
const papers = readCollection('papers', '.md').map((file) => ({
  ...file,
  data: paperSchema.parse(file.frontmatter),
}));
const topics = readCollection('topics', '.mdx')
  .map((file) => ({ ...file, data: topicSchema.parse(file.frontmatter) }))
  .sort((a, b) => a.data.order - b.data.order);

describe('topics collection', () => {
  test('has the nine topics of the seed, in its order, with its wording', () => {
    expect(topics.map((t) => t.data.contentsEntry)).toEqual(survey.contents);
  });

  test('records each section heading as the seed gives it', () => {
    expect(topics.map((t) => t.data.seedHeading ?? '')).toEqual(survey.sections.map((s) => s.heading));
  });

  test('gives each topic an introduction', () => {
    for (const topic of topics) expect(topic.body.trim().length, topic.id).toBeGreaterThan(200);
  });
});

describe('papers collection', () => {
  test('has one entry per paper of the seed', () => {
    expect(papers).toHaveLength(seedPapers.length);
    expect(new Set(papers.map((p) => p.data.seedLine)).size).toBe(seedPapers.length);
  });

  test.each(seedPapers.map((p, i) => [i + 1, p.line, p] as const))('paper %i (%s) is complete and faithful', (order, line, seedPaper) => {
    const entry = papers.find((p) => p.data.seedLine === line);
    expect(entry, `no entry has the seed line "${line}"`).toBeDefined();
    expect(entry!.data.order).toBe(order);
    expect(entry!.data.relevance).toBe(seedPaper.mark);
    expect(entry!.data.topic).toBe(topics[seedPaper.topicIndex]!.id);
    expect(line).toContain(entry!.data.title);
    expect(notesOfBody(entry!.body)).toEqual(seedPaper.notes);
  });

  test('names authors only where the seed credits them', () => {
    for (const paper of papers) {
      for (const author of paper.data.authors) {
        const surname = author.split(' ').at(-1)!.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        const line = paper.data.seedLine.normalize('NFKD').replace(/[\u0300-\u036f´ ]/g, '');
        expect(line, `${paper.id}: ${author}`).toContain(surname.replace(/ /g, ''));
      }
    }
  });

  test('states venue and year only as the seed does', () => {
    for (const paper of papers) {
      const { venue, year } = paper.data;
      const heading = survey.sections[seedPapers[paper.data.order - 1]!.topicIndex]!.heading;
      const stated = `${paper.data.seedLine} ${heading}`;
      if (venue) expect(stated, paper.id).toContain(venue);
      if (year) expect(stated, paper.id).toContain(String(year));
    }
  });

  test('relates papers only to papers that exist', () => {
    expect(() =>
      assertRelationTargetsExist(papers.map((p) => ({ id: p.id, title: p.data.title, relations: p.data.relations }))),
    ).not.toThrow();
  });

  test('quotes each relation with words that are in the seed', () => {
    const seed = readSeed();
    for (const paper of papers) {
      for (const relation of paper.data.relations) {
        // Every note is set in quotation marks or as a remark on the page, so it must be the seed's words.
        if (relation.note) expect(seed, `${paper.id} → ${relation.name}`).toContain(relation.note);
        expect(seed, `${paper.id} → ${relation.name}`).toContain(relation.name.replace(/ \[\d+\]$/, ''));
      }
    }
  });
});
