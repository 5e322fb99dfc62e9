/**
 * What the learned-metric rows of src/data/evaluations.json were measured on
 * and with, in one place: npm run eval:heads (scripts/eval-heads.ts) writes
 * them, and the Evaluation page's "run this row in my browser" worker
 * (eval-browser/run-row.ts) re-runs them, both through these definitions.
 */
import type { HeadOptions } from '../fewshot/head-train.ts';
import { headLossInfo, isHeadLoss } from '../fewshot/head-losses.ts';
import type { Dataset } from './datasets-node.ts';
import { splitDataset } from './session-episodes.ts';

/**
 * At most this many test classes and images a class (glyphs-heldout has 818
 * test letters, Fashion-MNIST 1,000 images a class): enough for 20-way 5-shot,
 * embedded in minutes.
 */
export const HEAD_ROW_CAP = { classes: 100, perClass: 100 } as const;

/** The split the head rows use: the test classes, capped. */
export const headRowSplit = (full: Dataset): Dataset => splitDataset(full, 'test', HEAD_ROW_CAP);

/**
 * The head a published row was measured with: its loss and steps as the row
 * stores them, the loss's learning rate from the registry (eval:heads runs
 * each loss with its registry defaults, head.ts defaultHeadOptions);
 * undefined for the rows of plain prototypes ("none").
 */
export function headOptionsOfRow(row: { head?: string; headSteps?: number }): HeadOptions | undefined {
  if (!isHeadLoss(row.head)) return undefined;
  const info = headLossInfo(row.head);
  return { loss: info.id, steps: row.headSteps ?? info.steps, rate: info.rate };
}
