import { describe, expect, test } from 'vitest';
import { paperSchema } from '../../src/schemas/paper';
import { readCollection } from '../helpers/content';

const papers = readCollection('papers', '.md').map((file) => ({ ...file, data: paperSchema.parse(file.frontmatter) }));
/** The survey author's remarks in a paper's notes: the text between « and ». */
const remarksOf = (body: string) => [...body.matchAll(/«([^»]+)»/g)].map((m) => m[1]!);

describe('attribution', () => {
  test("a relation is labelled as the survey author's exactly when its note is one of his remarks", () => {
    for (const paper of papers) {
      const remarks = remarksOf(paper.body);
      for (const relation of paper.data.relations) {
        if (!relation.note) continue;
        const inRemark = remarks.some((r) => r.includes(relation.note!));
        expect(relation.bySurveyAuthor, `${paper.id} → ${relation.name}: "${relation.note}"`).toBe(inRemark);
      }
    }
  });

  test.each([
    ['divide-and-conquer-embedding-space', 'which is verified by them.'],
    ['softtriple-loss', 'Prior Work: ProxyNCA'],
  ])("%s marks the survey author's remark %s", (id, remark) => {
    expect(remarksOf(papers.find((p) => p.id === id)!.body)).toContain(remark);
  });
});
