import { describe, expect, test } from 'vitest';
import { parsePaperLine, parseSeed } from '../../src/lib/survey/seed';
import { readSeed } from '../helpers/content';

describe('parsePaperLine', () => {
  test('reads the :+1: mark and keeps the title', () => {
    expect(parsePaperLine('Ranked List Loss for Deep Metric Learning :+1:')).toEqual({
      line: 'Ranked List Loss for Deep Metric Learning',
      mark: 'recommended',
    });
  });

  test('keeps a remark written after the mark', () => {
    expect(parsePaperLine('Hardness-aware deep metric learning :-1: : data augmentation')).toEqual({
      line: 'Hardness-aware deep metric learning',
      mark: 'not-recommended',
      remark: 'data augmentation',
    });
  });

  test('returns none when the line has no mark', () => {
    expect(parsePaperLine('Circle Loss: A Unified Perspective').mark).toBe('none');
  });
});

describe('parseSeed', () => {
  const survey = parseSeed(readSeed());
  const papers = survey.sections.flatMap((s) => s.papers);

  test('finds the nine topics of the table of contents and nine sections', () => {
    expect(survey.contents).toHaveLength(9);
    expect(survey.sections).toHaveLength(9);
  });

  test('finds all 49 papers', () => {
    expect(papers).toHaveLength(49);
    expect(survey.sections.map((s) => s.papers.length)).toEqual([3, 5, 21, 7, 2, 3, 4, 3, 1]);
  });

  test('treats the run of blank lines before the Wasserstein papers as the missing heading', () => {
    expect(survey.sections[6]!.heading).toBe('');
    expect(survey.sections[6]!.papers[0]!.line).toBe('NeurIPS 2019-Generalized Sliced Wasserstein Distances');
  });

  test('reads the relevance marks', () => {
    expect(papers.filter((p) => p.mark === 'recommended')).toHaveLength(10);
    expect(papers.filter((p) => p.mark === 'not-recommended')).toHaveLength(11);
  });

  test('keeps note nesting', () => {
    const unbiased = papers.find((p) => p.line.startsWith('Unbiased Evaluation'))!;
    expect(unbiased.notes.map((n) => n.depth)).toEqual([1, 1, 2, 2]);
    const circle = papers.find((p) => p.line.startsWith('Circle Loss'))!;
    expect(Math.max(...circle.notes.map((n) => n.depth))).toBe(3);
  });

  test('reads the last topic, whose paper is the heading and whose notes are paragraphs', () => {
    const sse = survey.sections[8]!.papers[0]!;
    expect(sse.line).toMatch(/^NeurIPS 2019-Stochastic Shared Embeddings/);
    expect(sse.notes).toHaveLength(2);
    expect(sse.notes[0]!.text).toMatch(/^NOTE: In deep neural nets/);
  });

  test('stops at the page footer', () => {
    expect(papers.some((p) => p.notes.some((n) => n.text.includes('Personal Website')))).toBe(false);
  });

  test('rejects indented text that is not a bullet', () => {
    expect(() => parseSeed('T\n\n  1. A\n\nA\n\n  • Paper\n   stray text\n')).toThrow(/not a bullet/);
  });
});
