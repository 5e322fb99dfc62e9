import { expect, test } from '@playwright/test';

/**
 * The lab checks each backend against the model card's probe before trusting
 * it with pictures (src/lib/lab/worker/probe-check.ts). Here the test, not the
 * site, corrupts the card's reference on its way to the worker (the sign of
 * every value flipped), so the check must fail and the status line must say
 * so; nothing in the site lets a visitor do this.
 */
test('a probe embedding that does not match the card is said in the status line, with the numbers', async ({ context, page }) => {
  await context.route('**/models/sketch-protonet/card.json', async (route) => {
    const response = await route.fetch();
    const card = await response.json();
    const bytes = Buffer.from(card.probe.embedding, 'base64');
    const flipped = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)).map((v) => -v);
    card.probe.embedding = Buffer.from(flipped.buffer).toString('base64');
    await route.fulfill({ response, json: card });
  });
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  const status = page.getByRole('status').first();
  await expect(status).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  await expect(status).toContainText("Even on WASM the model's probe input does not give the embedding its card records (cosine -1.0000");
  await expect(status).toContainText('its verdicts may be wrong');
});

test('with the card as published, the probe passes and the status line has no warning', async ({ page }) => {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  const status = page.getByRole('status').first();
  await expect(status).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  await expect(status).not.toContainText('probe');
});
