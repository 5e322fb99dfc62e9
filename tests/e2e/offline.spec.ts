import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';

/** A server of its own, so the test can take the network away for real by stopping it. */
const PORT = 4331;
const ORIGIN = `http://127.0.0.1:${PORT}/`;
let server: ChildProcess | undefined;

async function startServer() {
  server = spawn(process.execPath, ['scripts/serve-static.mjs', 'dist', String(PORT), '/'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the offline test server did not start');
}
test.afterAll(() => void server?.kill());

test('once the lab has been used, it works without a network, and says so', async ({ page }) => {
  await startServer();
  await page.goto(`${ORIGIN}lab/`);
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByRole('status').first()).toContainText('also works offline', { timeout: 20_000 });

  server!.kill();
  await expect.poll(() => fetch(ORIGIN).then(() => 'up', () => 'down')).toBe('down');
  await page.reload();
  await page.getByRole('button', { name: 'Try an example set' }).click();
  await expect(page.locator('.prediction .verdict')).toHaveCount(3, { timeout: 60_000 });
  for (const verdict of await page.locator('.prediction .verdict').allTextContents()) expect(verdict).toMatch(/^Prediction: Letter /);
});
