import { z } from 'astro/zod';

/**
 * What every bench/results/*.json starts with. Each benchmark parses its
 * result with its schema before writing it, and the Performance page parses
 * it again at build time, so a stale or hand-edited file fails loudly.
 */
export const benchFileFields = {
  /** The npm script that wrote the file. */
  generatedBy: z.string().min(1),
  /** When it ran (ISO 8601). */
  date: z.iso.datetime(),
};
