/**
 * Lab timings in headless Chromium against the built site (run `npm run build`
 * first): from opening /lab/ to the first prediction of each example set, and
 * adding one more photo once the model is warm. Prints a table, or JSON with
 * --json; writes bench/results/lab.json.
 *
 *   npm run bench:lab
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';

// The same build served twice: plainly (one WASM thread) and cross-origin isolated (threads).
const SERVERS = [
  { port: 4390, isolated: false },
  { port: 4391, isolated: true },
];
const servers = SERVERS.map(({ port, isolated }) =>
  spawn(process.execPath, ['scripts/serve-static.mjs', 'dist', String(port), '/', ...(isolated ? ['--isolated'] : [])], { stdio: 'ignore' }),
);
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch(config.use!.launchOptions);
const rows: Array<{ task: string; model: string; isolated: boolean; ms: number }> = [];
try {
  for (const { port } of SERVERS) {
    for (const model of ['sketch-protonet', 'photo-mobilenetv3']) {
      // A fresh context: nothing cached, as for a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${port}/lab/`);
      await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
      await page.getByRole('button', { name: 'Try an example set' }).click();
      await page.locator('.prediction .verdict').first().waitFor({ timeout: 60_000 });
      rows.push({ task: 'open /lab/ → first prediction of the example set', model, isolated: await page.evaluate(() => crossOriginIsolated), ms: Date.now() - started });
      const file = new URL('../tests/fixtures/photos/coffee.png', import.meta.url).pathname;
      const count = page.locator('.lab-class').first().locator('.count');
      const before = await count.textContent();
      const t = Date.now();
      await page.locator('.lab-class').first().locator('input[type="file"]').setInputFiles(file);
      await page.waitForFunction(([selector, text]) => document.querySelector(selector!)?.textContent !== text, ['.lab-class .count', before] as const);
      await page.locator('.prediction').first().waitFor();
      rows.push({ task: 'add a 451×300 photo → predictions updated (model warm)', model, isolated: await page.evaluate(() => crossOriginIsolated), ms: Date.now() - t });
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/lab.json', import.meta.url), JSON.stringify({ generatedBy: 'npm run bench:lab', date: new Date().toISOString(), machine: `${cpus()[0]?.model}, ${cpus().length} cores`, rows }, null, 2) + '\n');
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
else console.table(rows);
