import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSavedLab } from '../../src/lib/lab/worker/saved-lab';
import { currentModelId, isModelId, RETIRED_MODELS } from '../../src/lib/models/catalog';

const version1 = JSON.parse(readFileSync(new URL('../fixtures/labs/version-1.json', import.meta.url), 'utf8'));

describe('currentModelId', () => {
  test('maps each retired model to a model the lab offers, and leaves others alone', () => {
    for (const [old, successor] of Object.entries(RETIRED_MODELS)) {
      expect(isModelId(old), `${old} is no longer offered`).toBe(false);
      expect(isModelId(successor)).toBe(true);
      expect(currentModelId(old)).toBe(successor);
    }
    expect(currentModelId('sketch-protonet')).toBe('sketch-protonet');
    expect(currentModelId('gpt')).toBe('gpt');
  });
});

describe('parseSavedLab with a retired model', () => {
  test('a lab saved with photo-mobilenetv3 opens with its successor, keeping every original (their old embeddings stay under the old id, unused)', () => {
    const saved = { ...parseSavedLab(version1), modelId: 'photo-mobilenetv3' };
    const lab = parseSavedLab(JSON.parse(JSON.stringify(saved)));
    expect(lab.modelId).toBe(RETIRED_MODELS['photo-mobilenetv3']);
    expect(lab.classes.flatMap((c) => c.examples.map((e) => e.original))).toEqual(saved.classes.flatMap((c) => c.examples.map((e) => e.original)));
    expect(lab.classes.flatMap((c) => c.examples).every((e) => !e.embeddings[lab.modelId])).toBe(true);
  });
});
