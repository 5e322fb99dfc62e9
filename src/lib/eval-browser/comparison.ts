/**
 * The browser's result beside the published one, printed as the Evaluation
 * table prints it (percent, one decimal), with the difference said honestly:
 * identical to the last bit, or by how much, and whether the printed digits
 * still agree.
 */
import type { FewShotOutcome } from './messages.ts';

/** As the table's cells print an accuracy (components/evaluation/PairedCell.astro). */
export const printed = (accuracy: number, ci95: number) => `${(100 * accuracy).toFixed(1)} ± ${(100 * ci95).toFixed(1)}`;

export interface Published {
  task: string;
  accuracy: number;
  ci95: number;
  episodeFingerprint: string;
}

export interface ComparedRow {
  task: string;
  published: string;
  browser: string;
  difference: string;
  /** The printed numbers agree. */
  same: boolean;
}

function differenceInWords(published: Published, browser: FewShotOutcome): string {
  if (browser.episodeFingerprint !== published.episodeFingerprint) return 'other episodes were drawn: the runs are not comparable';
  if (browser.accuracy === published.accuracy && browser.ci95 === published.ci95) return 'none: the same number to the last bit';
  const points = 100 * (browser.accuracy - published.accuracy);
  const interval = 100 * (browser.ci95 - published.ci95);
  const word = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toPrecision(2)}`;
  return `${word(points)} points in accuracy, ${word(interval)} in the interval`;
}

export function compare(published: readonly Published[], browser: readonly FewShotOutcome[]): ComparedRow[] {
  return published.map((p, i) => {
    const b = browser[i]!;
    const shown = printed(b.accuracy, b.ci95);
    const publishedShown = printed(p.accuracy, p.ci95);
    const same = shown === publishedShown;
    const words = differenceInWords(p, b);
    return { task: p.task, published: publishedShown, browser: shown, difference: same ? words : `${words}; the printed digits differ`, same };
  });
}
