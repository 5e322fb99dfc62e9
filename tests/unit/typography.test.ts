import { describe, expect, test } from 'vitest';
import { findRunTogether } from '../../src/lib/site/typography';

describe('findRunTogether', () => {
  test.each([
    ['follow the<a href="/graph/">graph</a>'],
    ['<a href="x">BibTeX</a>(partial entries)'],
    ['the paper.Survey author<em>x</em>'],
    ['(see <code>x</code>)<code>y</code>'],
    ['<em>raw-pixels</em>classifies'],
  ])('finds %s', (html) => {
    expect(findRunTogether(html).length).toBeGreaterThan(0);
  });

  test.each([
    ['follow the <a href="/graph/">graph</a>, or'],
    ['(<a href="x">BibTeX</a>) and <code>x</code>.'],
    ['<script>a<a</script><style>b</a>c</style>'],
    ['<svg><text>a<a>b</a>c</text></svg>'],
    ['<!-- x<a -->'],
  ])('accepts %s', (html) => {
    expect(findRunTogether(html)).toEqual([]);
  });
});
