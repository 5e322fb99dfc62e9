import type { Locator, Page } from '@playwright/test';

/** Draws a shape on a pad with synthesised pointer strokes (points in 0–1 of the pad). */
export async function draw(page: Page, pad: Locator, strokes: Array<Array<[number, number]>>) {
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 3 });
    await page.mouse.up();
  }
}

export const circle = (cx: number, cy: number, r: number): Array<[number, number]> =>
  Array.from({ length: 25 }, (_, i) => [cx + r * Math.cos((i / 24) * 2 * Math.PI), cy + r * Math.sin((i / 24) * 2 * Math.PI)]);
export const cross = (cx: number, cy: number, r: number): Array<Array<[number, number]>> => [
  [[cx - r, cy - r], [cx + r, cy + r]],
  [[cx + r, cy - r], [cx - r, cy + r]],
];

