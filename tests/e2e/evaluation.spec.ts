import { expect, test } from '@playwright/test';
import evaluationsJson from '../../src/data/evaluations.json' with { type: 'json' };
import { classesSentence } from '../../src/lib/eval/held-out';
import { SHEET_LAYOUTS } from '../../src/lib/eval/sheet-datasets';
import { verdictOf, type PairedDifference } from '../../src/lib/eval/paired';
import { BASELINE, rowKey, taskKey } from '../../src/lib/eval/summary';
import { NORMALIZATION_INFO } from '../../src/lib/kernels/normalizations';
import { evaluationsSchema, type EvaluationResult } from '../../src/schemas/evaluations';

const evaluations = evaluationsSchema.parse(evaluationsJson);
const plain = evaluations.results.filter((r) => r.head === undefined);
const groups = [...new Set(plain.map((r) => `${r.model}|${r.dataset}`))].map((key) => {
  const [model, dataset] = key.split('|') as [string, string];
  return { model, dataset, rows: plain.filter((r) => r.model === model && r.dataset === dataset) };
});

// What each row of a group's table must say, from evaluations.json: its setting
// in the registry's words, then per task the accuracy ± its interval, the paired
// difference Δ from the baseline (none in the baseline's own row), and the verdict
// for screen readers where the difference's interval excludes zero; — for a task
// the setting was not run on.
const percent = (x: number) => (100 * x).toFixed(1);
const points = (d: PairedDifference) => `${d.difference >= 0 ? '+' : '−'}${percent(Math.abs(d.difference))} ± ${percent(d.ci95)}`;
function settingLabel(r: EvaluationResult): string {
  return `${r.metric}, ${NORMALIZATION_INFO[r.normalize].inResults}${r.refine === 0 ? '' : `, refined ×${r.refine}`}`;
}
function cellText(r: EvaluationResult | undefined): string {
  if (!r) return '—';
  if (rowKey(r) === rowKey(BASELINE)) return `${percent(r.accuracy)} ± ${percent(r.ci95)}`;
  const verdict = verdictOf(r.vsBaseline);
  return `${percent(r.accuracy)} ± ${percent(r.ci95)} Δ ${points(r.vsBaseline)}${verdict === 'same' ? '' : ` (${verdict} than the baseline)`}`;
}
/** Where the site serves the data set, each row ends with its "run this row in my browser" button (evaluation-reproduce.spec.ts runs one). */
const served = (dataset: string) => dataset in SHEET_LAYOUTS;
/** A group's heading, and not a longer data set's whose name begins with this one's (photo-kinds, photo-kinds-wide). */
const headingOf = (model: string, dataset: string) => new RegExp(`^${model} on ${dataset}(?![\\w-])`);
function expectedRows(rows: EvaluationResult[]): string[][] {
  const tasks = [...new Set(rows.map(taskKey))];
  return [...new Set(rows.map(rowKey))].map((setting) => {
    const inRow = rows.filter((r) => rowKey(r) === setting);
    return [settingLabel(inRow[0]!), ...tasks.map((t) => cellText(inRow.find((r) => taskKey(r) === t))), ...(served(rows[0]!.dataset) ? ['Run'] : [])];
  });
}

test('each section shows its own rows, cell by cell, its classes and the run that made them', async ({ page }) => {
  await page.goto('evaluation/');
  for (const { model, dataset, rows } of groups) {
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: headingOf(model, dataset) }) });
    await expect(section.locator('.table-scroll thead th')).toHaveText(['Setting', ...new Set(rows.map(taskKey)), ...(served(dataset) ? ['In your browser'] : [])]);
    const shown = await section.locator('.table-scroll tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim())));
    expect(shown, `${model} on ${dataset}`).toEqual(expectedRows(rows));
    await expect(section.locator('.held-out')).toContainText(classesSentence(rows[0]!.dataset, rows[0]!.classes));
    const stamp = evaluations.stamps[rows[0]!.stamp]!;
    await expect(section.locator('.run-stamp')).toContainText(`Made by ${stamp.command} at commit ${stamp.commit.sha.slice(0, 7)}`);
    await expect(section.locator('.run-stamp')).toContainText(stamp.machine.cpu);
  }
  const baseline = plain.find(
    (r) => r.model === 'sketch-protonet' && r.dataset === 'glyphs-heldout' && r.way === 5 && r.shot === 1 && r.metric === 'euclidean' && r.normalize === 'none' && r.refine === 0,
  )!;
  await expect(page.locator('section', { hasText: 'sketch-protonet on glyphs-heldout' }).locator('tbody tr').first()).toContainText(
    `${(100 * baseline.accuracy).toFixed(1)} ± ${(100 * baseline.ci95).toFixed(1)}`,
  );
  await expect(page.getByText('Omniglot 98.8 %')).toBeVisible();
});

test('settings are compared with the baseline by paired differences, and each section says what is held out', async ({ page }) => {
  await page.goto('evaluation/');
  const cosine = plain.find(
    (r) => r.model === 'sketch-protonet' && r.dataset === 'glyphs-heldout' && r.way === 5 && r.shot === 1 && r.metric === 'cosine' && r.normalize === 'l2' && r.refine === 0,
  )!;
  const d = cosine.vsBaseline;
  const section = page.locator('section', { hasText: 'sketch-protonet on glyphs-heldout' });
  const row = section.locator('tbody tr', { hasText: 'cosine, L2' }).first();
  await expect(row).toContainText(`Δ ${d.difference >= 0 ? '+' : '−'}${(100 * Math.abs(d.difference)).toFixed(1)} ± ${(100 * d.ci95).toFixed(1)}`);
  await expect(section.locator('.held-out')).toContainText('were kept out of training');
  await expect(section.locator('.held-out')).toContainText('Chosen on the even-numbered (validation) letters, which these rows leave out: sketch-protonet v2’s architecture and training schedule');
  await expect(page.locator('section', { hasText: 'photo-mobilenetv2-centernet-objectron on photo-crops' }).locator('.held-out')).toContainText('Chosen on all the photographs of this set');
  const photoKinds = page.locator('section', { has: page.getByRole('heading', { level: 2, name: headingOf('photo-mobilenetv2-centernet-objectron', 'photo-kinds') }) });
  await expect(photoKinds.locator('.held-out')).not.toContainText('never used to choose anything');
  await expect(page.locator('section', { hasText: 'raw-pixels on fashion-mnist' }).locator('.held-out')).toContainText('nothing trained');
  await expect(page.getByRole('heading', { level: 2, name: 'photo-mobilenetv3 on photo-kinds (retired model, for comparison)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Why raw pixels fail under Poincaré distance' })).toBeVisible();
  await expect(page.locator('th[scope="row"]', { hasText: 'centred on the supports + L2' }).first()).toBeVisible();
  await expect(page.getByText('non-overlapping')).toHaveCount(0);
});

test('the calibration and learned-metric tables name their runs', async ({ page }) => {
  await page.goto('evaluation/');
  await expect(page.locator('.calibration .run-stamp')).toContainText('Made by npm run eval:calibration');
  const heads = page.locator('.head-results .run-stamp');
  await expect(heads.first()).toContainText('npm run eval:heads');
  await expect(page.getByText('Not stamped')).toHaveCount(0);
});
