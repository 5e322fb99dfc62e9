import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseModelCard } from '../../../src/lib/models/card.ts';

/**
 * Every model's card states its model.onnx's size and SHA-256, and they match
 * the file: the lab refuses a download that differs from its card, so a
 * changed model shipped with a stale card would be refused by every visitor.
 * The fix is `npm run cards:hash`.
 */
const MODELS = new URL('../../../models/', import.meta.url);
const ids = readdirSync(MODELS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('card.file', () => {
  test.each(ids)('%s: the card states model.onnx’s size and SHA-256, and they match the file (else npm run cards:hash)', (id) => {
    const card = parseModelCard(JSON.parse(readFileSync(new URL(`${id}/card.json`, MODELS), 'utf8')));
    const bytes = readFileSync(new URL(`${id}/model.onnx`, MODELS));
    expect(card.file, `models/${id}/card.json has no "file": run npm run cards:hash`).toBeDefined();
    expect({ bytes: card.file!.bytes, sha256: card.file!.sha256 }).toEqual({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  test('a hash that is not 64 lowercase hex digits is refused by the schema', () => {
    const card = JSON.parse(readFileSync(new URL('sketch-protonet/card.json', MODELS), 'utf8'));
    expect(() => parseModelCard({ ...card, file: { ...card.file, sha256: 'ABC' } })).toThrow(/file\.sha256: use 64 lowercase hex digits/);
  });
});
