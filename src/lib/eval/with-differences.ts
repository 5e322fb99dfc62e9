/**
 * Adds to each measured result its paired differences: against the baseline
 * setting, and for refined settings against the same setting unrefined. Both
 * sides of a pair must have been measured on the same episodes (same seed,
 * same data set and task), which the episode fingerprints check.
 */
import { pairedDifference, type PairedDifference } from './paired.ts';
import type { EvalResult } from './run.ts';
import { BASELINE, groupKey, rowKey } from './summary.ts';

export type Measured = EvalResult & { perEpisode: number[] };
export type WithDifferences = EvalResult & { vsBaseline: PairedDifference; vsUnrefined?: PairedDifference };

export function withPairedDifferences(measured: readonly Measured[]): WithDifferences[] {
  const byKey = new Map(measured.map((r) => [`${groupKey(r)}|${rowKey(r)}`, r]));
  const partner = (r: Measured, setting: Pick<EvalResult, 'metric' | 'normalize' | 'refine'>) => {
    const other = byKey.get(`${groupKey(r)}|${rowKey(setting)}`);
    if (!other) throw new Error(`No ${rowKey(setting)} result to pair ${groupKey(r)} ${rowKey(r)} with.`);
    if (other.episodeFingerprint !== r.episodeFingerprint) {
      throw new Error(`${groupKey(r)}: ${rowKey(r)} and ${rowKey(setting)} were measured on different episodes.`);
    }
    return pairedDifference(r.perEpisode, other.perEpisode);
  };
  return measured.map(({ perEpisode: _, ...r }) => {
    const source = byKey.get(`${groupKey(r)}|${rowKey(r)}`)!;
    const result: WithDifferences = { ...r, vsBaseline: partner(source, BASELINE) };
    if (r.refine > 0) result.vsUnrefined = partner(source, { ...r, refine: 0 });
    return result;
  });
}
