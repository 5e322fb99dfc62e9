/**
 * The browser's result beside the published one, printed as the Evaluation
 * tables print it (percent, one decimal), with the difference said honestly:
 * identical to the last bit, or by how much, and whether the printed digits
 * still agree.
 */
import type { FewShotOutcome, RetrievalOutcome } from './messages.ts';

const percent = (x: number) => (100 * x).toFixed(1);
/** As the few-shot table's cells print an accuracy (components/evaluation/PairedCell.astro). */
export const printed = (accuracy: number, ci95: number) => `${percent(accuracy)} ± ${percent(ci95)}`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toPrecision(2)}`;
const SAME = 'none: the same number to the last bit';

export interface Published {
  task: string;
  accuracy: number;
  ci95: number;
  episodeFingerprint: string;
}

export interface ComparedRow {
  /** The task (few-shot) or the measure (retrieval). */
  task: string;
  published: string;
  browser: string;
  difference: string;
  /** The printed numbers agree. */
  same: boolean;
}

function differenceInWords(published: Published, browser: FewShotOutcome): string {
  if (browser.episodeFingerprint !== published.episodeFingerprint) return 'other episodes were drawn: the runs are not comparable';
  if (browser.accuracy === published.accuracy && browser.ci95 === published.ci95) return SAME;
  return `${signed(100 * (browser.accuracy - published.accuracy))} points in accuracy, ${signed(100 * (browser.ci95 - published.ci95))} in the interval`;
}

const row = (task: string, published: string, browser: string, words: string): ComparedRow => {
  const same = published === browser;
  return { task, published, browser, difference: same ? words : `${words}; the printed digits differ`, same };
};

export function compare(published: readonly Published[], browser: readonly FewShotOutcome[]): ComparedRow[] {
  return published.map((p, i) => row(p.task, printed(p.accuracy, p.ci95), printed(browser[i]!.accuracy, browser[i]!.ci95), differenceInWords(p, browser[i]!)));
}

/** A retrieval row's measures as its table prints them. */
export type PublishedRetrieval = Pick<RetrievalOutcome, 'mapAtR' | 'rPrecision' | 'recallAt' | 'queries'>;

export function compareRetrieval(published: PublishedRetrieval, browser: RetrievalOutcome): ComparedRow[] {
  const measures: Array<[string, (r: PublishedRetrieval) => number]> = [
    ['MAP@R', (r) => r.mapAtR],
    ['R-precision', (r) => r.rPrecision],
    ...([1, 2, 4, 8] as const).map((k): [string, (r: PublishedRetrieval) => number] => [`R@${k}`, (r) => r.recallAt[k]]),
  ];
  if (browser.queries !== published.queries) {
    return [row('Queries', String(published.queries), String(browser.queries), 'other queries: the runs are not comparable')];
  }
  return measures.map(([name, of]) => {
    const [p, b] = [of(published), of(browser)];
    return row(name, percent(p), percent(b), p === b ? SAME : `${signed(100 * (b - p))} points`);
  });
}
