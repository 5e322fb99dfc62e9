/** The lab's shared steps for the e2e suites: starting it, teaching drawn classes, photo fixtures. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { circle, cross, draw } from '../lab-drawing';

/** Teaches Class A circles and Class B crosses, one drawing per variant (x, y, radius). */
export async function teachCirclesAndCrosses(page: Page, variants: ReadonlyArray<readonly [number, number, number]>) {
  const classes = page.locator('.lab-class');
  for (const [x, y, r] of variants) {
    await draw(page, classes.nth(0).locator('canvas.pad'), [circle(x, y, r)]);
    await classes.nth(0).getByRole('button', { name: 'Add drawing' }).click();
    await draw(page, classes.nth(1).locator('canvas.pad'), cross(x, y, r));
    await classes.nth(1).getByRole('button', { name: 'Add drawing' }).click();
  }
  const expected = `${variants.length} examples`;
  await expect(classes.nth(0).locator('.count')).toHaveText(expected);
  await expect(classes.nth(1).locator('.count')).toHaveText(expected);
}

export async function renameFirstClass(page: Page, name: string) {
  const input = page.locator('.lab-class').nth(0).getByRole('textbox', { name: 'Class name' });
  await input.fill(name);
  await input.press('Tab');
}

export const TWO_VARIANTS = [[0.5, 0.5, 0.3], [0.45, 0.55, 0.25]] as const;

export async function startLab(page: Page) {
  await page.goto('lab/');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Sketch ProtoNet', { timeout: 30_000 });
  await expect(page.locator('.lab-class')).toHaveCount(2);
}

export const photo = (name: string) => new URL(`../../fixtures/photos/${name}`, import.meta.url).pathname;

export async function startPhotoLab(page: Page) {
  await page.goto('lab/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('photo-mobilenetv2-centernet-objectron');
  await page.getByRole('button', { name: 'Start the lab' }).click();
  await expect(page.getByRole('status').first()).toContainText('Ready: Photo embedding', { timeout: 60_000 });
  await expect(page.locator('.lab-class')).toHaveCount(2);
}


/** A DataTransfer in the page holding the fixture photo, as a drop or a paste would carry it. */
export function photoTransfer(page: Page, name: string) {
  return page.evaluateHandle(
    ([data, fileName]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data as number[])], fileName as string, { type: 'image/png' }));
      return dt;
    },
    [Array.from(readFileSync(photo(name))), name] as const,
  );
}
