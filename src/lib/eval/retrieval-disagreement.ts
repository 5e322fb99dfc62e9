/**
 * Where Recall@1 and MAP@R disagree about which of two distance settings is
 * better (issue 25): the point of "A Metric Learning Reality Check" (Musgrave,
 * Belongie & Lim, 2020), that Recall@1 can rank methods differently from the
 * measures that look at the whole of each query's class, read off our own
 * retrieval rows. Settings are compared as the Evaluation page prints them
 * (percentages to one decimal), so no disagreement rests on digits the page
 * does not show.
 */

/** The fields of a retrieval row this reads (src/schemas/evaluations.ts). */
export interface RankedSetting {
  model: string;
  dataset: string;
  metric: string;
  normalize: string;
  mapAtR: number;
  recallAt: { 1: number };
}

/** A share as the page prints it: a percentage to one decimal. */
export const retrievalPercent = (x: number): string => (100 * x).toFixed(1);
const printed = (x: number) => Number(retrievalPercent(x));

export interface Disagreement<R extends RankedSetting> {
  /** Ranked above `byMapAtR` by Recall@1 … (settings whose printed Recall@1 and MAP@R are equal come as one list) */
  byRecall: R[];
  /** … and below it by MAP@R. */
  byMapAtR: R[];
  /** Printed points: byRecall's Recall@1 lead, byMapAtR's MAP@R lead. */
  recallLead: number;
  mapLead: number;
}

/** Settings of one model and data set grouped by their printed Recall@1 and MAP@R: for this question, ties are one setting. */
function tied<R extends RankedSetting>(group: readonly R[]): R[][] {
  const byNumbers = new Map<string, R[]>();
  for (const r of group) {
    const key = `${retrievalPercent(r.recallAt[1])}|${retrievalPercent(r.mapAtR)}`;
    byNumbers.set(key, [...(byNumbers.get(key) ?? []), r]);
  }
  return [...byNumbers.values()];
}

/**
 * Each pair of settings of the same model and data set on which Recall@1
 * puts A strictly above B while MAP@R puts B strictly above A, largest MAP@R
 * lead first, grouped by model and data set in the rows' order. Settings with
 * the same printed Recall@1 and MAP@R (L2-normalised cosine and Euclidean rank
 * alike, for one) are one side of a pair together.
 */
export function disagreements<R extends RankedSetting>(rows: readonly R[]): Disagreement<R>[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const key = `${r.model}|${r.dataset}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].flatMap((group) => {
    const found: Disagreement<R>[] = [];
    const sides = tied(group);
    for (const a of sides) {
      for (const b of sides) {
        const recallLead = printed(a[0]!.recallAt[1]) - printed(b[0]!.recallAt[1]);
        const mapLead = printed(b[0]!.mapAtR) - printed(a[0]!.mapAtR);
        if (recallLead > 0 && mapLead > 0) found.push({ byRecall: a, byMapAtR: b, recallLead: round(recallLead), mapLead: round(mapLead) });
      }
    }
    return found.sort((x, y) => y.mapLead - x.mapLead || y.recallLead - x.recallLead);
  });
}

/** Differences of one-decimal numbers, without float noise (0.30000000000000004). */
const round = (points: number) => Math.round(points * 10) / 10;
