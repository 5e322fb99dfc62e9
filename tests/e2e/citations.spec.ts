import { parse } from '@retorquere/bibtex-parser';
import { expect, test } from '@playwright/test';
import { readCollection } from '../helpers/content';

const ALLOWED_FIELDS = ['title', 'author', 'booktitle', 'howpublished', 'year', 'note'];
const papers = readCollection('papers', '.md');

test("a paper's BibTeX parses and holds only what the seed gives", async ({ page }) => {
  await page.goto('papers/softtriple-loss/');
  const bibtex = await page.locator('#cite-bibtex-text').textContent();
  const library = parse(bibtex!, { english: false });
  expect(library.errors).toEqual([]);
  const entry = library.entries[0]!;
  expect(Object.keys(entry.fields).every((f) => ALLOWED_FIELDS.includes(f))).toBe(true);
  expect(entry.fields.title).toBe('SoftTriple Loss: Deep Metric Learning Without Triplet Sampling');
  expect((entry.fields.author as Array<{ lastName: string }>).map((a) => a.lastName)).toEqual(['Qian', 'Shang', 'Sun', 'Hu', 'Li', 'Jin']);
  await expect(page.locator('.partial')).toContainText('Missing: venue, year, pages');
  await expect(page.locator('#cite-plain-text')).toHaveText(
    'Qi Qian, Lei Shang, Baigui Sun, Juhua Hu, Hao Li, Rong Jin. SoftTriple Loss: Deep Metric Learning Without Triplet Sampling.',
  );
});

test('the copy button puts the citation on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('papers/ranked-list-loss/');
  await page.locator('button[data-copy="cite-bibtex-text"]').click();
  await expect(page.locator('.copy-status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('@inproceedings{ranked-list-loss,');
});

test('without JavaScript the copy buttons stay hidden and the citation stays readable', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4321/papers/ranked-list-loss/');
  await expect(page.locator('button[data-copy]').first()).toBeHidden();
  await expect(page.locator('#cite-bibtex-text')).toContainText('@inproceedings{ranked-list-loss,');
  await context.close();
});

test('the whole-survey .bib holds all 49 entries, each with seed fields only', async ({ request }) => {
  const response = await request.get('survey.bib');
  expect(response.ok()).toBe(true);
  const library = parse(await response.text(), { english: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(49);
  expect(new Set(library.entries.map((e) => e.key))).toEqual(new Set(papers.map((p) => p.id)));
  for (const entry of library.entries) expect(Object.keys(entry.fields).every((f) => ALLOWED_FIELDS.includes(f))).toBe(true);
});

test('the JSON export holds the collections, notes included', async ({ request }) => {
  const data = await (await request.get('survey.json')).json();
  expect(data.topics).toHaveLength(9);
  expect(data.papers).toHaveLength(49);
  expect(data.papers.find((p: { id: string }) => p.id === 'circle-loss').notesMarkdown).toContain('Face recognition');
  // Marks as the seed writes them, never words it does not use.
  expect(new Set(data.papers.map((p: { mark: string | null }) => p.mark))).toEqual(new Set([':+1:', ':-1:', null]));
  expect(JSON.stringify(data)).not.toMatch(/"(not-)?recommended"/);
});

test('paper pages carry citation and Open Graph metadata only where the seed has it', async ({ page }) => {
  await page.goto('papers/mean-teachers/');
  await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute('content', /^Mean teachers are better role models/);
  await expect(page.locator('meta[name="citation_publication_date"]')).toHaveAttribute('content', '2017');
  await expect(page.locator('meta[name="citation_conference_title"]')).toHaveAttribute('content', 'NeurIPS');
  await expect(page.locator('meta[name="citation_author"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^Mean teachers/);
  await page.goto('papers/softtriple-loss/');
  await expect(page.locator('meta[name="citation_author"]')).toHaveCount(6);
  await expect(page.locator('meta[name="citation_publication_date"]')).toHaveCount(0);
});

test('search links out are labelled as searches', async ({ page }) => {
  await page.goto('papers/circle-loss/');
  const arxiv = page.getByRole('link', { name: 'search arXiv for this title' });
  await expect(arxiv).toHaveAttribute('href', /^https:\/\/arxiv\.org\/search\/\?searchtype=title&query=Circle%20Loss/);
});

test('the sitemap lists every paper page', async ({ request }) => {
  const index = await (await request.get('sitemap-index.xml')).text();
  expect(index).toContain('sitemap-0.xml');
  const sitemap = await (await request.get('sitemap-0.xml')).text();
  for (const paper of papers) expect(sitemap).toContain(`/papers/${paper.id}/`);
});
