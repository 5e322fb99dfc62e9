import { expect, test } from '@playwright/test';
import { parseSeed } from '../../src/lib/survey/seed';
import { normalizeText, readCollection, readSeed } from '../helpers/content';

const survey = parseSeed(readSeed());
const papers = readCollection('papers', '.md').map((p) => ({ id: p.id, seedLine: String(p.frontmatter.seedLine) }));
const topics = readCollection('topics', '.mdx');

/** The page's main text as a reader sees it, without the "Survey author" labels. */
async function mainText(page: import('@playwright/test').Page): Promise<string> {
  return normalizeText(
    await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.author-remark__label').forEach((label) => label.remove());
      return copy.textContent ?? '';
    }),
  );
}

test.describe('the built site holds the whole survey', () => {
  for (const [index, seedPaper] of survey.sections.flatMap((s) => s.papers).entries()) {
    test(`paper ${index + 1} shows its seed line and every note`, async ({ page }) => {
      const entry = papers.find((p) => p.seedLine === seedPaper.line);
      expect(entry, seedPaper.line).toBeDefined();
      const response = await page.goto(`papers/${entry!.id}/`);
      expect(response?.status()).toBe(200);
      const text = await mainText(page);
      expect(text).toContain(normalizeText(seedPaper.line));
      for (const note of seedPaper.notes) expect(text).toContain(normalizeText(note.text));
    });
  }

  test('each topic page lists its papers and links to each of them', async ({ page }) => {
    for (const topic of topics) {
      await page.goto(`topics/${topic.id}/`);
      const listed = await page.locator('main article h3 a').evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      const expected = readCollection('papers', '.md')
        .filter((p) => p.frontmatter.topic === topic.id)
        .sort((a, b) => Number(a.frontmatter.order) - Number(b.frontmatter.order))
        .map((p) => `/papers/${p.id}/`);
      expect(listed, topic.id).toEqual(expected);
    }
  });

  test('nested notes keep their nesting on the page', async ({ page }) => {
    await page.goto('papers/circle-loss/');
    await expect(page.locator('main ul ul ul li').filter({ hasText: 'Face recognition' })).toHaveCount(1);
  });

  test("the survey author's remarks are set apart from the paper's claims", async ({ page }) => {
    await page.goto('papers/unbiased-evaluation-of-dml/');
    const remark = page.locator('.notes li .author-remark').filter({ hasText: 'This is not the fact' });
    await expect(remark).toHaveCount(1);
    await expect(remark.locator('.author-remark__label')).toHaveText('Survey author');
    const claim = page.locator('.notes li').filter({ hasText: 'we perform an unbiased comparison' });
    await expect(claim.locator('.author-remark')).toHaveCount(0);
  });
});
