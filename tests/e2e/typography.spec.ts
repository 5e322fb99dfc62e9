import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { htmlFiles } from '../../scripts/site-files';
import { findRunTogether } from '../../src/lib/site/typography';

// Reads the built pages from disk (npm test builds first): no browser needed, every page checked.
test('no built page runs a word into a link, code or emphasis', () => {
  const problems: string[] = [];
  let pages = 0;
  for (const file of htmlFiles('dist')) {
    pages++;
    for (const { context } of findRunTogether(readFileSync(file, 'utf8'))) problems.push(`${relative('dist', file)}: …${context}…`);
  }
  expect(pages).toBeGreaterThan(50);
  expect(problems, `${problems.length} place(s) where a word touches a tag:\n${problems.join('\n')}`).toEqual([]);
});
