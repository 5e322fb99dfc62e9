import { expect, test, type Locator } from '@playwright/test';

/**
 * The graph page must not turn the survey author's remarks into the papers'
 * statements: every relation between two papers that the built /survey.json
 * marks `bySurveyAuthor` is drawn in another style (colour or dashes) than the
 * legend's relation a paper states, and in the style of the legend's "remark
 * by the survey author". The drawn arrows are found by their end points (the
 * centres of the two papers' dots), not by the page's classes.
 */

interface SurveyRelation {
  paper?: string;
  bySurveyAuthor?: boolean;
}
interface SurveyPaper {
  id: string;
  relations?: SurveyRelation[];
}

/** Stroke colour and dash pattern of an SVG line, or of a legend swatch (an SVG line, or a bordered box). */
async function drawnStyle(target: Locator): Promise<string> {
  return target.first().evaluate((el) => {
    const line = el instanceof SVGLineElement ? el : el.querySelector('line');
    if (line) {
      const style = getComputedStyle(line);
      const dashes = style.strokeDasharray === 'none' || style.strokeDasharray === '' ? 'solid' : `dashed ${style.strokeDasharray}`;
      return `${style.stroke} ${dashes}`;
    }
    const box = el.querySelector('.swatch') ?? el;
    const style = getComputedStyle(box);
    const dashes = style.borderTopStyle === 'solid' ? 'solid' : `dashed ${style.borderTopStyle}`;
    return `${style.borderTopColor} ${dashes}`;
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the graph draws the survey author's remarks in their own style, never as a paper's relation (${colorScheme})`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme });
    const survey = (await (await request.get('survey.json')).json()) as { papers: SurveyPaper[] };
    const ids = new Set(survey.papers.map((p) => p.id));
    const relations = survey.papers.flatMap((p) =>
      (p.relations ?? []).filter((r) => r.paper && ids.has(r.paper)).map((r) => ({ from: p.id, to: r.paper!, remark: r.bySurveyAuthor === true })),
    );
    expect(relations.filter((r) => r.remark).length, 'the survey has remarks between two of its papers').toBeGreaterThan(0);

    await page.goto('graph/');
    const centre = async (id: string) => {
      const c = page.locator(`svg a[id="${id}"] circle`);
      return { x: (await c.getAttribute('cx'))!, y: (await c.getAttribute('cy'))! };
    };
    const lineBetween = async (from: string, to: string) => {
      const [a, b] = [await centre(from), await centre(to)];
      // An arrow (a line with a marker): two papers can also share a backbone or a data set, drawn without one.
      return `svg line[marker-end][x1="${a.x}"][y1="${a.y}"][x2="${b.x}"][y2="${b.y}"]`;
    };

    // The legend entry for a relation a paper states: the one that speaks of stating, not of the survey author.
    const legend = page.locator('.legend li');
    const statedEntry = legend.filter({ hasText: /states/ }).filter({ hasNotText: /survey author/i });
    await expect(statedEntry).toHaveCount(1);
    const paperStyle = await drawnStyle(statedEntry);

    for (const r of relations) {
      const selector = await lineBetween(r.from, r.to);
      await expect(page.locator(selector), `${r.from} → ${r.to} is drawn`).not.toHaveCount(0);
      const drawn = await drawnStyle(page.locator(selector));
      if (r.remark) expect(drawn, `the survey author's remark ${r.from} → ${r.to} is drawn as a paper's relation`).not.toBe(paperStyle);
      else expect(drawn, `the relation ${r.from} → ${r.to} that the paper states is drawn as the legend says`).toBe(paperStyle);
    }

    // The legend names the remarks' style and says whose they are.
    const remarkEntry = legend.filter({ hasText: 'remark by the survey author' });
    await expect(remarkEntry).toHaveCount(1);
    const remarkStyle = await drawnStyle(remarkEntry);
    expect(remarkStyle).not.toBe(paperStyle);
    for (const r of relations.filter((x) => x.remark)) {
      expect(await drawnStyle(page.locator(await lineBetween(r.from, r.to))), `${r.from} → ${r.to} in the legend's remark style`).toBe(remarkStyle);
    }
  });
}
