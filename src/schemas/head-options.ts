import { z } from 'astro/zod';
import { HEAD_LOSS_NAMES, MAX_HEAD_RATE, MAX_HEAD_STEPS } from '../lib/fewshot/head-losses.ts';
import { says } from './messages.ts';

const loss = says((v) => `Unknown loss "${String(v)}".`);
const steps = says((v) => `Steps must be a whole number from 1 to ${MAX_HEAD_STEPS}; got ${String(v)}.`);
const rate = says((v) => `The learning rate must be a number above 0 and at most ${MAX_HEAD_RATE}; got ${String(v)}.`);

/**
 * The learned metric head's settings, from the form, a saved lab or a URL.
 * Ids and bounds come from the registry (fewshot/head-losses.ts); every
 * message names the bad field.
 */
export const headOptionsSchema = z.object({
  /** The loss the proxies are trained with. */
  loss: z.enum(HEAD_LOSS_NAMES, loss),
  /** Training steps. */
  steps: z.number(steps).int(steps).min(1, steps).max(MAX_HEAD_STEPS, steps),
  /** The learning rate. */
  rate: z.number(rate).positive(rate).max(MAX_HEAD_RATE, rate),
});
export type HeadSettings = z.output<typeof headOptionsSchema>;
