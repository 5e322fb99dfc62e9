import { describe, expect, test } from 'vitest';
import { paperSchema } from '../../src/schemas/paper';
import { topicSchema } from '../../src/schemas/topic';

const validPaper = {
  title: 'Ranked List Loss for Deep Metric Learning',
  seedLine: 'Ranked List Loss for Deep Metric Learning',
  order: 12,
  topic: 'dml-cvpr-2019',
  relevance: 'recommended',
  authorsIncomplete: true,
};

describe('paperSchema', () => {
  test('accepts a minimal paper and fills list defaults', () => {
    const paper = paperSchema.parse(validPaper);
    expect(paper.backbones).toEqual([]);
    expect(paper.relations).toEqual([]);
  });

  test('rejects a relevance mark that the seed does not use', () => {
    expect(() => paperSchema.parse({ ...validPaper, relevance: 'maybe' })).toThrow(/relevance/);
  });

  test('rejects a paper without a title', () => {
    expect(() => paperSchema.parse({ ...validPaper, title: '' })).toThrow(/title/);
  });

  test('rejects fields it does not know, so a typo in front matter is not silently ignored', () => {
    expect(() => paperSchema.parse({ ...validPaper, backbone: ['ResNet-50'] })).toThrow(/backbone/);
  });

  test('rejects an unknown relation kind', () => {
    expect(() => paperSchema.parse({ ...validPaper, relations: [{ kind: 'cites', name: 'X' }] })).toThrow(/kind/);
  });
});

describe('topicSchema', () => {
  test('rejects an order outside the nine topics', () => {
    expect(() =>
      topicSchema.parse({ order: 10, contentsEntry: 'x', shortTitle: 'x', summary: 'x' }),
    ).toThrow(/order/);
  });
});
