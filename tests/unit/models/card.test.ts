import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ModelCardError, parseModelCard } from '../../../src/lib/models/card.ts';

const committed = JSON.parse(readFileSync(new URL('../../../models/sketch-protonet/card.json', import.meta.url), 'utf8'));

describe('parseModelCard', () => {
  test('accepts the committed sketch model card', () => {
    expect(parseModelCard(committed).output.dim).toBe(128);
  });

  test('names the field that is wrong', () => {
    expect(() => parseModelCard({ ...committed, input: { ...committed.input, channels: 2 } })).toThrow(/input\.channels/);
    expect(() => parseModelCard({ ...committed, output: { name: 'embedding' } })).toThrow(/output\.dim/);
    expect(() => parseModelCard({ ...committed, id: 'Bad Id' })).toThrow(/^The model card is not valid — id: /);
  });

  test('requires one mean and std value per channel', () => {
    expect(() => parseModelCard({ ...committed, input: { ...committed.input, mean: [0.5, 0.5, 0.5] } })).toThrow(/input\.mean: needs one value per channel \(1\)/);
  });

  test('requires a sketch model to state its ink and crop rule', () => {
    const { ink: _ink, ...withoutInk } = committed.input;
    expect(() => parseModelCard({ ...committed, input: withoutInk })).toThrow(/input\.ink/);
  });

  test('rejects a card that is not an object, with a ModelCardError', () => {
    expect(() => parseModelCard('model.onnx')).toThrow(ModelCardError);
  });
});
