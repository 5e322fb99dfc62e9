import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { embedPreset, pixelsSha256 } from '../../../src/lib/lab/example-embeddings-node.ts';
import { picturesInOrder, presetSheets } from '../../../src/lib/lab/preset-sheets.ts';
import { hashModel } from '../../../src/lib/results/hashes.ts';
import { exampleEmbeddingsSchema } from '../../../src/schemas/example-embeddings.ts';

/**
 * src/data/example-embeddings.json is stale when a model, a sheet or the way
 * the sets are cut changed since npm run lab:example-embeddings made it. The
 * worker would then fall back to embedding (its probe or pixel fingerprints
 * differ), which is safe but slow: this test says to remake the file.
 */
const REMAKE = 'run npm run lab:example-embeddings';
const ROOT = new URL('../../../', import.meta.url);
const file = exampleEmbeddingsSchema.parse(JSON.parse(readFileSync(new URL('src/data/example-embeddings.json', ROOT), 'utf8')));
const presets = presetSheets();

describe('src/data/example-embeddings.json', () => {
  test('has every example set, by its own model', () => {
    expect(file.sets.map((s) => [s.id, s.model.id])).toEqual(presets.map((p) => [p.id, p.model]));
  });

  for (const set of file.sets) {
    test(`${set.id}: the model, the sheets and every picture's pixels are as they were when it was made`, () => {
      const preset = presets.find((p) => p.id === set.id)!;
      expect(set.model.sha256, `models/${set.model.id}/model.onnx changed: ${REMAKE}`).toBe(hashModel(set.model.id).sha256);
      for (const sheet of set.sheets) expect(sheet.sha256, `${sheet.file} changed: ${REMAKE}`).toBe(createHash('sha256').update(readFileSync(new URL(sheet.file, ROOT))).digest('hex'));
      expect(set.pictures.map((p) => p.pixelsSha256), `the set's pictures changed: ${REMAKE}`).toEqual(picturesInOrder(preset).map(pixelsSha256));
      for (const picture of set.pictures) expect(Buffer.from(picture.embedding, 'base64').length).toBe(set.dim * 4);
    });
  }

  test('things: made again now, every embedding and the probe fingerprint are the same to the last bit', { timeout: 60_000 }, async () => {
    const made = await embedPreset(presets.find((p) => p.id === 'things')!);
    const shipped = file.sets.find((s) => s.id === 'things')!;
    expect(made.probeSha256).toBe(shipped.probeSha256);
    expect(made.pictures).toEqual(shipped.pictures);
  });
});
