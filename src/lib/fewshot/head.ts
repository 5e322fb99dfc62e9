import { headOptionsSchema } from '../../schemas/head-options.ts';
import { headLossInfo } from './head-losses.ts';
import type { HeadLoss } from '../kernels/index.ts';
import type { HeadOptions } from './head-train.ts';
import { FewShotError } from './names.ts';

/**
 * The head's options: a loss's defaults and the check of what the visitor
 * chose (headOptionsSchema). Training is in head-train.ts, re-exported here;
 * a figure imports that file alone, without zod.
 */
export * from './head-train.ts';

export function defaultHeadOptions(loss: HeadLoss): HeadOptions {
  const { steps, rate } = headLossInfo(loss);
  return { loss, steps, rate };
}

/** Checks options from the form, a saved lab or a URL (headOptionsSchema); names the bad field. */
export function checkHeadOptions(value: Partial<Record<keyof HeadOptions, unknown>>): HeadOptions {
  const parsed = headOptionsSchema.safeParse(value);
  if (!parsed.success) throw new FewShotError(parsed.error.issues[0]!.message);
  return parsed.data;
}
